/*
 * watch.c — `plangen watch PLAN.xml`: re-check and re-render the plan
 * whenever it, the project file beside it (.plangen), or a file of the
 * template it uses (each template of its extends= chain, its logo) is
 * saved.
 *
 * Each round runs `plangen render` with the same options as a child
 * process, so a round is exactly what the user would get by hand (the same
 * findings on stderr, the same atomic write that never replaces the last
 * good PDF with a broken one), and nothing one round allocates or breaks
 * can affect the next.  Between rounds base/watch.c waits for a save.
 * Ctrl-C (SIGINT) or SIGTERM ends the watch after the round in progress:
 * the render's own atomic write leaves no partial file behind.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "base/diag.h"
#include "base/lang.h"
#include "base/watch.h"
#include "compose/template.h"

static const char watch_usage[] =
    "watch [-o OUT.pdf] [-t TEMPLATE] [--paper A4|Letter] [--draft] [--lang LANG]\n"
    "       PLAN.xml";

/* Pause after the last file-system event of a save before rendering. */
#define QUIET_MS	120

static volatile sig_atomic_t stop;

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

/* The plan's language, from lang="…" in its first bytes (a render tells
 * its findings in it too); English if it has none or cannot be read. */
static int
plan_is_zh(const char *path)
{
	char	 buf[4096];
	ssize_t	 n;
	int	 fd;
	char	*p;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	for (p = buf; (p = strstr(p, "lang")) != NULL; p += 4) {
		const char *q = p + 4;
		while (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n')
			q++;
		if (*q++ != '=')
			continue;
		while (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n')
			q++;
		if (*q == '"' || *q == '\'')
			return pg_lang_is_zh(q + 1) || strncmp(q + 1, "zh", 2) == 0;
	}
	return 0;
}

/* "12:03:04" */
static void
clock_now(char *buf, size_t n)
{
	time_t		t = time(NULL);
	struct tm	tm;

	if (localtime_r(&t, &tm) == NULL || strftime(buf, n, "%H:%M:%S", &tm) == 0)
		snprintf(buf, n, "--:--:--");
}

static double
seconds(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/*
 * One round: run `plangen render ARGS` and wait for it.  Returns its exit
 * status, 128+N if signal N ended it, or -1 if it could not be started.
 */
static int
render_round(const char *self, char **args)
{
	pid_t	pid;
	int	st;

	if ((pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		execv(self, args);
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return WEXITSTATUS(st) == 127 ? -1 : WEXITSTATUS(st);
}

/*
 * Add to w what a round reads besides the plan: the project file beside it
 * (.plangen, watched before it exists, so that creating it re-renders),
 * and the files of the template a round uses -- the one -t names, else the
 * project file's (spec; NULL: a built-in one, part of the program) -- each
 * template file of its extends= chain and its logo.  A template that does
 * not load adds its own path only: the round says what is wrong with it.
 * Returns 0, or -1 with errno set.
 */
static int
watch_inputs(struct pg_watch *w, const char *in, const char *spec)
{
	struct pg_template	*t = NULL;
	struct pg_diags		 d;
	struct stat		 st;
	char			*pf, err[1024];
	size_t			 i;
	int			 r = 0;

	if ((pf = project_file(in)) == NULL)
		return -1;
	r = pg_watch_add(w, pf);
	free(pf);
	if (r != 0 || spec == NULL)
		return r;
	pg_diags_init(&d);
	if (pg_template_load(spec, &t, &d, err, sizeof(err)) == 0) {
		for (i = 0; r == 0 && i < t->nfiles; i++)
			r = pg_watch_add(w, t->files[i]);
		if (r == 0 && t->logo != NULL && stat(t->logo, &st) == 0)
			r = pg_watch_add(w, t->logo);
	} else if (stat(spec, &st) == 0)
		r = pg_watch_add(w, spec);	/* a file, not yet valid */
	pg_template_free(t);
	pg_diags_free(&d);
	return r;
}

static void
say_round(int rc, const char *out, double secs, int zh)
{
	char now[16];

	clock_now(now, sizeof(now));
	if (rc == 0)
		printf(zh ? "[%s] 已更新 %s（用时 %.2f 秒）\n" :
		    "[%s] %s updated in %.2f s\n", now, out, secs);
	else if (rc == EXIT_FINDINGS)
		printf(zh ? "[%s] 计划有错误（见上），未生成新的 PDF：%s 仍是上一次"
		    "正确的版本；修改后保存即可重新生成\n" :
		    "[%s] not rendered: the plan has errors (above); %s is still "
		    "the last good version — fix them and save again\n", now, out);
	else if (rc > 128)
		printf(zh ? "[%s] 生成被信号 %d 中断；%s 保持不变\n" :
		    "[%s] the render was stopped by signal %d; %s is unchanged\n",
		    now, rc - 128, out);
	else
		printf(zh ? "[%s] 生成失败（原因见上）；%s 保持不变\n" :
		    "[%s] the render failed (see above); %s is unchanged\n", now, out);
	fflush(stdout);
}

int
cmd_watch(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "template", required_argument, NULL, 't' },
		{ "draft", no_argument, NULL, 'd' },
		{ "lang", required_argument, NULL, 'L' },
		{ "paper", required_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char		*out = NULL, *tpl = NULL, *lang = NULL, *in,
				*paper = NULL;
	char			*args[14], self[4096], *defout = NULL,
				*ptpl = NULL;
	struct pg_watch		*w = NULL;
	struct sigaction	 sa;
	struct timespec		 t0, t1;
	int			 c, draft = 0, zh, rc, status = EXIT_USAGE, k = 0;
	ssize_t			 n;

	while ((c = getopt_long(argc, argv, "o:t:dL:P:h", opts, NULL)) != -1) {
		switch (c) {
		case 'P': paper = optarg; break;	/* render checks it */
		case 'o': out = optarg; break;
		case 't': tpl = optarg; break;
		case 'd': draft = 1; break;
		case 'L':
			if (lang_option(optarg, &lang) != 0)
				return usage_error(watch_usage);
			break;
		case 'h': printf("usage: %s %s\n", progname, watch_usage); return 0;
		default: return usage_error(watch_usage);
		}
	}
	if (optind != argc - 1)
		return usage_error(watch_usage);
	in = argv[optind];
	zh = lang != NULL ? pg_lang_is_zh(lang) : plan_is_zh(in) ||
	    (access(in, R_OK) != 0 && pg_lang_locale() == PG_LANG_ZH);
	pg_lang_ui_set(zh ? PG_LANG_ZH : PG_LANG_EN);	/* the reasons too */
	if ((n = readlink("/proc/self/exe", self, sizeof(self) - 1)) <= 0) {
		errorf(zh ? "找不到 plangen 程序本身（/proc/self/exe）：watch 需要 "
		    "Linux 的 /proc" : "cannot find the plangen program itself "
		    "(/proc/self/exe): watch needs Linux's /proc");
		return EXIT_USAGE;
	}
	self[n] = '\0';
	if (out == NULL && (out = defout = default_output(in)) == NULL) {
		errorf("%s", T("out of memory", "内存不足"));
		return EXIT_USAGE;
	}
	args[k++] = (char *)progname;
	args[k++] = (char *)"render";
	args[k++] = (char *)"-o";
	args[k++] = (char *)out;
	if (tpl != NULL) {
		args[k++] = (char *)"-t";
		args[k++] = (char *)tpl;
	}
	if (paper != NULL) {
		args[k++] = (char *)"--paper";
		args[k++] = (char *)paper;
	}
	if (draft)
		args[k++] = (char *)"--draft";
	if (lang != NULL) {
		args[k++] = (char *)"--lang";
		args[k++] = (char *)lang;
	}
	args[k++] = (char *)"--";
	args[k++] = (char *)in;
	args[k] = NULL;
	/* the template a .plangen file beside the plan names (render reads
	 * it each round; watched here so that a save of it re-renders) */
	if (tpl == NULL && project_template(in, &ptpl) != 0)
		goto done;
	/* the plan, the project file, the template's files */
	if ((w = pg_watch_new()) == NULL || pg_watch_add(w, in) != 0 ||
	    watch_inputs(w, in, tpl != NULL ? tpl : ptpl) != 0) {
		errorf(zh ? "无法监视 %s：%s（inotify 监视数用完时，可调大 "
		    "fs.inotify.max_user_watches）" : "cannot watch %s: %s (if "
		    "inotify watches ran out, raise fs.inotify.max_user_watches)",
		    in, pg_lang_strerror(errno));
		goto done;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;	/* no SA_RESTART: poll() must return */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	printf(zh ? "正在监视 %s：每次保存后重新检查并生成 %s。按 Ctrl-C 停止。\n" :
	    "watching %s: each save re-checks it and renders %s. Press Ctrl-C "
	    "to stop.\n", in, out);
	fflush(stdout);
	for (;;) {
		clock_gettime(CLOCK_MONOTONIC, &t0);
		rc = render_round(self, args);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (rc < 0) {
			errorf(zh ? "无法运行 %s：%s" : "cannot run %s: %s", self,
			    pg_lang_strerror(errno));
			goto done;
		}
		say_round(rc, out, seconds(&t0, &t1), zh);
		/* a save may have named another template, or extended another
		 * file: watch what this round read (after a good round only,
		 * so that a broken project file is not reported twice) */
		if (rc == 0 && tpl == NULL) {
			free(ptpl);
			ptpl = NULL;
			if (project_template(in, &ptpl) != 0)
				ptpl = NULL;
		}
		if (rc == 0 && watch_inputs(w, in, tpl != NULL ? tpl : ptpl) != 0) {
			errorf(zh ? "无法监视 %s 所用的文件：%s" : "cannot watch the "
			    "files %s uses: %s", in, pg_lang_strerror(errno));
			goto done;
		}
		if (stop || (rc = pg_watch_wait(w, QUIET_MS, &stop)) == 0)
			break;
		if (rc < 0) {
			errorf(zh ? "监视 %s 时出错：%s" : "watching %s failed: %s",
			    in, pg_lang_strerror(errno));
			goto done;
		}
	}
	printf(zh ? "已停止监视 %s\n" : "stopped watching %s\n", in);
	status = fflush(stdout) == 0 ? 0 : EXIT_USAGE;
done:
	pg_watch_free(w);
	free(defout);
	free(ptpl);
	return status;
}
