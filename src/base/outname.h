/*
 * outname.h — the name of the PDF `plangen render` writes, and the folder
 * of a file name.
 *
 * Include: main.c, cli, compose (template logos), base/watch.c, tests.
 */
#ifndef PG_OUTNAME_H
#define PG_OUTNAME_H

/*
 * The output of rendering the plan `in` with -o o (o NULL: no -o):
 *   no -o             PLAN.pdf beside the plan (PLAN.xml -> PLAN.pdf,
 *                     any other name -> NAME.pdf);
 *   a directory       DIR/PLAN.pdf, PLAN the plan's base name (any name
 *                     ending in '/', or an existing directory whose name
 *                     does not end in .pdf: a directory named out.pdf is
 *                     the target, and writing it fails);
 *   "-"               standard output;
 *   NAME.pdf, NAME    itself (.pdf in any case; a name without an
 *                     extension, or an existing device, FIFO or link to
 *                     one, e.g. /dev/stdout, is written through);
 *   NAME.EXT          refused for any other extension: plangen writes only
 *                     PDF, and -o plan.docx would put a PDF under a name
 *                     that lies.
 * Returns 0 and sets *out (malloc'd), -1 if refused, -2 if memory ran out.
 */
int	pg_output_name(const char *o, const char *in, char **out);

/*
 * The folder part of path, malloc'd: "." when it has no '/', "/" for a
 * file in the root ("/plan.xml"), else everything before its last '/'.
 * NULL if memory ran out.
 */
char	*pg_path_dir(const char *path);

#endif
