/*
 * meta.c — what the PDF says about itself: the document information
 * dictionary, the same facts as XMP metadata (the catalog's /Metadata,
 * uncompressed, as PDF/A wants), /DisplayDocTitle, the PDF/UA (and, with
 * pg_pdf_opts.pdfa, PDF/A-2B) identification, the sRGB output intent,
 * the trailer /ID and the header version.  See write_int.h.
 *
 * The /ID is an MD5 digest of what the document draws (every page's
 * compressed content, in order) and of its metadata text, so the same
 * frames give the same /ID, byte for byte (SOURCE_DATE_EPOCH builds stay
 * reproducible), and a changed document a different one.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>

#include "pdf/haru_shim.h"
#include "pdf/write_int.h"

/* Append a string literal to the scratch text. */
#define TB(c, lit)	pg_w_tb((c), (lit), sizeof(lit) - 1)

#define PRODUCER	PACKAGE_NAME " " PACKAGE_VERSION " (libharu " \
			    HPDF_VERSION_TEXT ")"

void
pg_w_digest(struct wctx *c, const void *p, size_t n)
{
	const void	*part[2] = { c->digest, p };
	size_t		 len[2] = { sizeof(c->digest), n };

	pg_haru_md5(part, len, 2, c->digest);
}

/* t as UTC, or 0 if there is no date (t < 0) or it cannot be written. */
static int
utc(long long t, struct tm *tm)
{
	time_t tt = (time_t)t;

	return t >= 0 && gmtime_r(&tt, tm) != NULL &&
	    tm->tm_year + 1900 <= 9999;
}

static void
set_date(struct wctx *c, long long t)
{
	struct tm	tm;
	HPDF_Date	d;

	if (!utc(t, &tm))
		return;
	memset(&d, 0, sizeof(d));
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	d.hour = tm.tm_hour;
	d.minutes = tm.tm_min;
	d.seconds = tm.tm_sec;
	d.ind = 'Z';
	HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_CREATION_DATE, d);
	HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_MOD_DATE, d);
}

const char *
pg_w_clip(const char *s, char buf[PG_W_CLIP_MAX + 4])
{
	size_t n = strlen(s);

	if (n <= PG_W_CLIP_MAX)
		return s;
	n = PG_W_CLIP_MAX;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;	/* not inside a UTF-8 sequence */
	memcpy(buf, s, n);
	memcpy(buf + n, "\xE2\x80\xA6", 4);	/* "…" and the NUL */
	return buf;
}

static void
set_info(struct wctx *c)
{
	static const HPDF_InfoType key[] = { HPDF_INFO_TITLE,
	    HPDF_INFO_AUTHOR, HPDF_INFO_SUBJECT, HPDF_INFO_KEYWORDS,
	    HPDF_INFO_CREATOR };
	const struct pg_frames *fr = c->fr;
	const char	*val[] = { fr->title, fr->author, fr->subject,
	    fr->keywords, fr->creator };
	HPDF_Doc	 pdf = c->pdf;
	size_t		 i;
	char		 buf[PG_W_CLIP_MAX + 4];

	snprintf(c->what, sizeof(c->what), "setting document information");
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	for (i = 0; i < sizeof(key) / sizeof(key[0]); i++)
		if (val[i] != NULL && *val[i] != '\0')
			HPDF_SetInfoAttr(pdf, key[i], pg_w_clip(val[i], buf));
	HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, PRODUCER);
	set_date(c, fr->date);
	if (fr->lang != NULL && *fr->lang != '\0')
		pg_w_check(c, pg_haru_set_lang(pdf, fr->lang));
}

/*
 * Append s with XML's special characters escaped (and controls left out),
 * cut as the Info's values are (pg_w_clip), so that the two agree.
 */
static void
xml_text(struct wctx *c, const char *s)
{
	char	buf[PG_W_CLIP_MAX + 4];

	for (s = pg_w_clip(s, buf); *s != '\0'; s++)
		switch (*s) {
		case '&':
			TB(c, "&amp;");
			break;
		case '<':
			TB(c, "&lt;");
			break;
		case '>':
			TB(c, "&gt;");
			break;
		default:
			if ((unsigned char)*s >= 0x20 || *s == '\t')
				pg_w_tb(c, s, 1);
		}
}

/* <tag><rdf:KIND><rdf:li [xml:lang="x-default"]>s</rdf:li></rdf:KIND></tag> */
static void
xmp_list(struct wctx *c, const char *tag, const char *kind, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	pg_w_tbf(c, "   <%s><rdf:%s><rdf:li%s>", tag, kind,
	    strcmp(kind, "Alt") == 0 ? " xml:lang=\"x-default\"" : "");
	xml_text(c, s);
	pg_w_tbf(c, "</rdf:li></rdf:%s></%s>\n", kind, tag);
}

static void
xmp_prop(struct wctx *c, const char *tag, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	pg_w_tbf(c, "   <%s>", tag);
	xml_text(c, s);
	pg_w_tbf(c, "</%s>\n", tag);
}

/* The XMP packet, in c->tb: the Info's facts, the same values. */
static void
xmp(struct wctx *c)
{
	const struct pg_frames *fr = c->fr;
	struct tm	tm;
	char		date[32];
	int		pdfa = c->opts != NULL && c->opts->pdfa;

	c->tbn = 0;
	TB(c, "<?xpacket begin=\"\xEF\xBB\xBF\" "
	    "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
	pg_w_tbf(c, "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/"
	    "22-rdf-syntax-ns#\">\n");
	pg_w_tbf(c, "  <rdf:Description rdf:about=\"\"\n"
	    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n");
	pg_w_tbf(c, "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n");
	pg_w_tbf(c, "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"%s",
	    pdfa ? "\n" : ">\n");
	if (pdfa)
		TB(c, "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
		    "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/"
		    "extension/\"\n"
		    "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/"
		    "schema#\"\n"
		    "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/"
		    "property#\">\n");
	pg_w_tbf(c, "   <dc:format>application/pdf</dc:format>\n");
	xmp_list(c, "dc:title", "Alt", fr->title);
	xmp_list(c, "dc:creator", "Seq", fr->author);
	xmp_list(c, "dc:description", "Alt", fr->subject);
	xmp_list(c, "dc:language", "Bag", fr->lang);
	xmp_prop(c, "pdf:Keywords", fr->keywords);
	xmp_prop(c, "pdf:Producer", PRODUCER);
	xmp_prop(c, "xmp:CreatorTool", fr->creator);
	if (utc(fr->date, &tm)) {
		strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", &tm);
		xmp_prop(c, "xmp:CreateDate", date);
		xmp_prop(c, "xmp:ModifyDate", date);
		xmp_prop(c, "xmp:MetadataDate", date);
	}
	xmp_prop(c, "pdfuaid:part", "1");
	if (pdfa) {
		xmp_prop(c, "pdfaid:part", "2");
		xmp_prop(c, "pdfaid:conformance", "B");
		/* PDF/A admits only the XMP schemas it predefines or that the
		 * packet describes: pdfuaid is not predefined */
		TB(c, "   <pdfaExtension:schemas><rdf:Bag>\n"
		    "    <rdf:li rdf:parseType=\"Resource\">\n"
		    "     <pdfaSchema:schema>PDF/UA Universal Accessibility "
		    "Schema</pdfaSchema:schema>\n"
		    "     <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/"
		    "id/</pdfaSchema:namespaceURI>\n"
		    "     <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
		    "     <pdfaSchema:property><rdf:Seq>\n"
		    "      <rdf:li rdf:parseType=\"Resource\">\n"
		    "       <pdfaProperty:name>part</pdfaProperty:name>\n"
		    "       <pdfaProperty:valueType>Integer</pdfaProperty:"
		    "valueType>\n"
		    "       <pdfaProperty:category>internal</pdfaProperty:"
		    "category>\n"
		    "       <pdfaProperty:description>the part of ISO 14289 "
		    "followed</pdfaProperty:description>\n"
		    "      </rdf:li>\n"
		    "     </rdf:Seq></pdfaSchema:property>\n"
		    "    </rdf:li>\n"
		    "   </rdf:Bag></pdfaExtension:schemas>\n");
	}
	pg_w_tbf(c, "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n");
	pg_w_tbf(c, "<?xpacket end=\"w\"?>");
}

/*
 * The sRGB output intent (PDF/A: the meaning of the DeviceRGB colours
 * every page uses), with the ICC profile read from opts->icc.
 */
static void
output_intent(struct wctx *c)
{
	FILE		*f;
	unsigned char	*icc = NULL;
	size_t		 n = 0, cap = 0, got;
	HPDF_Dict	 prof, oi;

	snprintf(c->what, sizeof(c->what), "adding the output intent");
	if ((f = fopen(c->opts->icc, "rb")) == NULL)
		pg_w_fail(c, "cannot read the ICC profile %s: %s",
		    c->opts->icc, strerror(errno));
	do {
		if (n == cap) {
			unsigned char *nb = realloc(icc, cap ? cap * 2 : 8192);

			if (nb == NULL || cap > (1u << 24)) {
				free(nb == NULL ? icc : nb);
				fclose(f);
				pg_w_fail(c, nb == NULL ? "out of memory" :
				    "ICC profile %s is too large",
				    c->opts->icc);
			}
			icc = nb;
			cap = cap ? cap * 2 : 8192;
		}
		got = fread(icc + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	/* an ICC profile: "acsp" at byte 36, an RGB colour space at 16 */
	if (n < 128 || memcmp(icc + 36, "acsp", 4) != 0 ||
	    memcmp(icc + 16, "RGB ", 4) != 0) {
		free(icc);
		pg_w_fail(c, "%s is not an RGB ICC profile", c->opts->icc);
	}
	prof = pg_haru_stream_new(c->pdf, icc, n, 1);
	free(icc);
	pg_w_check(c, pg_haru_add_int(c->pdf, prof, "N", 3));
	oi = pg_haru_raw_new(c->pdf);
	c->tbn = 0;
	pg_w_tbf(c, "/Type /OutputIntent\n/S /GTS_PDFA1\n"
	    "/OutputConditionIdentifier (sRGB IEC61966-2.1)\n"
	    "/Info (sRGB IEC61966-2.1)\n/DestOutputProfile %u 0 R\n",
	    pg_haru_obj_num(prof));
	pg_w_check(c, pg_haru_raw_set(c->pdf, oi, c->tb, c->tbn));
	pg_w_check(c, pg_haru_catalog_array(c->pdf, "OutputIntents", oi));
}

void
pg_w_meta(struct wctx *c)
{
	HPDF_Dict	 md;

	set_info(c);
	snprintf(c->what, sizeof(c->what), "writing the metadata");
	pg_w_check(c, pg_haru_catalog_flags(c->pdf, c->tagged));
	xmp(c);
	md = pg_haru_stream_new(c->pdf, c->tb, c->tbn, 0);
	pg_w_check(c, pg_haru_add_name(c->pdf, md, "Type", "Metadata"));
	pg_w_check(c, pg_haru_add_name(c->pdf, md, "Subtype", "XML"));
	pg_w_check(c, pg_haru_catalog_ref(c->pdf, "Metadata", md));
	pg_w_digest(c, c->tb, c->tbn);
	if (c->opts != NULL && c->opts->pdfa && c->opts->icc != NULL)
		output_intent(c);
	pg_w_check(c, pg_haru_set_id(c->pdf, c->digest));
	/* tagged PDF and XMP: 1.4; PDF/A-2 and PDF/UA-1: 1.7 */
	pg_haru_set_version(c->pdf, 7);
}
