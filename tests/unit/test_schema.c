/*
 * test_schema.c — schema validation of in-memory plans: each kind of
 * violation gives one `schema` error at the right line with a message a
 * plan author can act on; a complete valid plan gives none.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/diag.h"
#include "base/embedded.h"
#include "review/schema.h"
#include "read/xml_read.h"

/* A small valid plan; the line numbers below are asserted by the tests. */
/* what an unknown element in <meta> is told <meta> may hold */
#define META_EN " (<meta> may hold <title>, <subtitle>, <organization>, <author>, <date>, <period>, <confidentiality>, <status>)"
#define META_ZH "（<meta> 中可以有：<title>、<subtitle>、<organization>、<author>、<date>、<period>、<confidentiality>、<status>）"

static const char base[] =
    "<plan version=\"1\">\n"						/* 1 */
    "  <meta><title>T</title><organization>O</organization>\n"	/* 2 */
    "    <period start=\"2027-01-01\" end=\"2027-12-31\"/></meta>\n"	/* 3 */
    "  <summary><market-definition>M</market-definition>\n"		/* 4 */
    "    <key-points><point>P</point></key-points></summary>\n"	/* 5 */
    "  <situation><market>X<fact label=\"a\" value=\"b\"/></market></situation>\n" /* 6 */
    "  <swot><strength id=\"S1\">s</strength></swot>\n"		/* 7 */
    "  <goals>\n"							/* 8 */
    "    <goal id=\"G1\" type=\"quantitative\" due=\"2027-06-30\">\n"	/* 9 */
    "      <statement>Grow</statement>\n"				/* 10 */
    "      <metric name=\"m\" baseline=\"1\" target=\"2\"/>\n"		/* 11 */
    "    </goal>\n"							/* 12 */
    "  </goals>\n"							/* 13 */
    "  <strategy><positioning>p</positioning><target-customers>t</target-customers>\n" /* 14 */
    "    <core>c</core></strategy>\n"					/* 15 */
    "  <actions>\n"							/* 16 */
    "    <action id=\"A1\" goals=\"G1\" start=\"2027-01-01\" end=\"2027-02-01\" category=\"sales\">\n" /* 17 */
    "      <title>Do</title>\n"					/* 18 */
    "    </action>\n"							/* 19 */
    "  </actions>\n"							/* 20 */
    "  <budget>\n"							/* 21 */
    "    <line category=\"x\" amount=\"100\">y</line>\n"		/* 22 */
    "  </budget>\n"							/* 23 */
    "</plan>\n";							/* 24 */

/*
 * Validate xml with messages in `lang` (NULL: pg_schema_validate, English);
 * findings sorted into d.  Returns the validator's value.
 */
static int
validate_lang(const char *xml, const char *lang, struct pg_diags *d)
{
	xmlDocPtr	doc;
	int		rc;

	pg_diags_init(d);
	doc = pg_xml_parse(xml, strlen(xml), "t.xml", d);
	assert_non_null(doc);
	rc = lang != NULL ? pg_schema_validate_lang(doc, "t.xml", lang, d) :
	    pg_schema_validate(doc, "t.xml", d);
	xmlFreeDoc(doc);
	pg_diags_sort(d);
	return rc;
}

static int
validate(const char *xml, struct pg_diags *d)
{
	return validate_lang(xml, NULL, d);
}

/* base with the first `from` replaced by `to`; malloc'd. */
static char *
mutate(const char *from, const char *to)
{
	const char	*at = strstr(base, from);
	char		*r;
	size_t		 pre;

	assert_non_null(at);
	pre = (size_t)(at - base);
	r = malloc(sizeof(base) + strlen(to));
	assert_non_null(r);
	memcpy(r, base, pre);
	strcpy(r + pre, to);
	strcat(r, at + strlen(from));
	return r;
}

static void
print_diags(const struct pg_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		print_message("  %lu: %s [%s]\n", d->v[i].line, d->v[i].msg, d->v[i].rule);
}

/*
 * Mutating base gives exactly one schema error at `line` with `msg`, in
 * the language `lang` (NULL: English).
 */
static void
expect1_lang(const char *lang, const char *from, const char *to,
    unsigned long line, const char *msg)
{
	struct pg_diags	 d;
	char		*xml = mutate(from, to);

	assert_int_equal(validate_lang(xml, lang, &d), 1);
	if (d.n != 1 || d.v[0].line != line || strcmp(d.v[0].msg, msg) != 0) {
		print_message("for %s -> %s, expected %lu: %s; got:\n", from, to, line, msg);
		print_diags(&d);
	}
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].rule, "schema");
	assert_int_equal(d.v[0].sev, PG_ERROR);
	assert_int_equal(d.v[0].line, line);
	assert_string_equal(d.v[0].msg, msg);
	pg_diags_free(&d);
	free(xml);
}

static void
expect1(const char *from, const char *to, unsigned long line, const char *msg)
{
	expect1_lang(NULL, from, to, line, msg);
}

/* Same, in Chinese. */
static void
expect1_zh(const char *from, const char *to, unsigned long line, const char *msg)
{
	expect1_lang("zh-CN", from, to, line, msg);
}

static void
base_is_valid(void **state)
{
	struct pg_diags d;

	(void)state;
	assert_int_equal(validate(base, &d), 0);
	print_diags(&d);
	assert_int_equal(d.n, 0);
	pg_diags_free(&d);
}

static void
full_fixture_is_valid(void **state)
{
	const char	*src = getenv("SRCDIR");
	char		 path[4096], err[256];
	char		*buf;
	size_t		 len;
	struct pg_diags	 d;

	(void)state;
	snprintf(path, sizeof(path), "%s/tests/data/full.xml", src ? src : ".");
	buf = pg_read_file(path, &len, err, sizeof(err));
	if (buf == NULL)
		fail_msg("%s", err);
	assert_int_equal(validate(buf, &d), 0);
	print_diags(&d);
	assert_int_equal(d.n, 0);
	pg_diags_free(&d);
	free(buf);
}

static void
missing_element(void **state)
{
	(void)state;
	expect1("<statement>Grow</statement>", "", 9,
	    "<goal> is missing its required <statement>");
	expect1("<title>T</title>", "", 2, "<meta> is missing its required <title>");
	expect1("<point>P</point>", "", 5, "<key-points> is missing its required <point>");
	expect1("<swot><strength id=\"S1\">s</strength></swot>", "", 1,
	    "<plan> is missing its required <swot>");
}

static void
unknown_element(void **state)
{
	(void)state;
	expect1("<title>T</title>", "<title>T</title><foo/>", 2,
	    "unknown element <foo> in <meta>" META_EN);
	expect1("<statement>Grow</statement>", "<statement>Grow</statement><title>x</title>",
	    10, "<title> is not allowed in <goal>; it belongs in <meta> or <action>");
	/* a misspelt name: one finding with a suggestion, not also "missing" */
	expect1("<statement>Grow</statement>", "<statment>Grow</statment>", 10,
	    "unknown element <statment> in <goal>: did you mean <statement>?");
	expect1("<title>Do</title>", "<Title>Do</Title>", 18,
	    "unknown element <Title> in <action>: did you mean <title>?");
	/* a near miss of a child that may repeat, though one is present */
	expect1("<strength id=\"S1\">s</strength>",
	    "<strength id=\"S1\">s</strength><strenght id=\"S2\">t</strenght>", 7,
	    "unknown element <strenght> in <swot>: did you mean <strength>?");
	expect1("    </action>\n", "    </action>\n    <acton id=\"A2\"/>\n", 20,
	    "unknown element <acton> in <actions>: did you mean <action>?");
	expect1("<strength id=\"S1\">s</strength>",
	    "<strength id=\"S1\">s</strength><gaol/>", 7,
	    "unknown element <gaol> in <swot> (<swot> may hold <strength>, "
	    "<weakness>, <opportunity>, <threat>)");
	expect1("category=\"sales\"", "catgory=\"sales\"", 17,
	    "unknown attribute \"catgory\" on <action>: did you mean \"category\"?");
	expect1("start=\"2027-01-01\" end=\"2027-02-01\"",
	    "strat=\"2027-01-01\" end=\"2027-02-01\"", 17,
	    "unknown attribute \"strat\" on <action>: did you mean \"start\"?");
	expect1("<title>Do</title>", "<title>Do</title><title>Again</title>", 18,
	    "<action> may have only one <title>");
}

static void
unknown_attribute(void **state)
{
	(void)state;
	expect1("<goal id=\"G1\"", "<goal colour=\"red\" id=\"G1\"", 9,
	    "unknown attribute \"colour\" on <goal> (allowed: id, type, parent, "
	    "owner, due, addresses)");
	expect1("<statement>", "<statement lang=\"en\">", 10,
	    "<statement> takes no attributes: remove \"lang\"");
	expect1("<key-points>", "<sales><year label=\"2026\" value=\"5\"/></sales><key-points>", 5,
	    "<sales> is missing the required attribute \"unit\"");
	expect1("start=\"2027-01-01\" end=\"2027-02-01\"", "end=\"2027-02-01\"", 17,
	    "<action> is missing the required attribute \"start\"");
}

static void
bad_enumeration(void **state)
{
	(void)state;
	expect1("category=\"sales\"", "category=\"marketing\"", 17,
	    "attribute \"category\" of <action> must be one of sales, promotion, "
	    "advertising, pr, training, channel, product, research, service, "
	    "digital, other: \"marketing\" is not allowed");
	expect1("type=\"quantitative\"", "type=\"Quantitative\"", 9,
	    "attribute \"type\" of <goal> must be one of strategic, quantitative: "
	    "\"Quantitative\" is not allowed");
	expect1("</title><organization>", "</title><status>final</status><organization>", 2,
	    "<status> must be one of draft, review, approved: \"final\" is not allowed");
}

static void
bad_date(void **state)
{
	(void)state;
	expect1("due=\"2027-06-30\"", "due=\"2027-02-30\"", 9,
	    "\"2027-02-30\" is not a valid date in attribute \"due\" of <goal>: February 2027 has no day 30");
	expect1("due=\"2027-06-30\"", "due=\"0000-00-00\"", 9,
	    "\"0000-00-00\" is not a valid date (YYYY-MM-DD) in attribute \"due\" of <goal>");
	expect1("due=\"2027-06-30\"", "due=\"30.06.2027\"", 9,
	    "\"30.06.2027\" is not a valid date (YYYY-MM-DD) in attribute \"due\" of <goal>");
	expect1("due=\"2027-06-30\"", "due=\"2027-06-30Z\"", 9,
	    "\"2027-06-30Z\" is not a valid date (YYYY-MM-DD) in attribute \"due\" of <goal>");
	expect1("due=\"2027-06-30\"", "due=\" 2027-06-30\"", 9,
	    "\" 2027-06-30\" is not a valid date (YYYY-MM-DD) in attribute \"due\" of "
	    "<goal>: remove the spaces around it");
	expect1("end=\"2027-12-31\"", "end=\"2027-13-01\"", 3,
	    "\"2027-13-01\" is not a valid date in attribute \"end\" of <period>: there "
	    "is no month 13");
	expect1("</title><organization>", "</title><date>tomorrow</date><organization>", 2,
	    "\"tomorrow\" is not a valid date (YYYY-MM-DD) in <date>");
}

static void
bad_money(void **state)
{
	(void)state;
	expect1("amount=\"100\"", "amount=\"320,000\"", 22,
	    "\"320,000\" is not a valid amount in attribute \"amount\" of <line>: write "
	    "digits only (no currency sign, unit or separators): \"320000\"");
	/* money as people write it: the exact amount to write instead */
	expect1("amount=\"100\"", "amount=\"36\xE4\xB8\x87\"", 22,	/* 36万 */
	    "\"36\xE4\xB8\x87\" is not a valid amount in attribute \"amount\" of <line>: "
	    "write digits only (no currency sign, unit or separators): \"360000\"");
	expect1("amount=\"100\"", "amount=\"\xC2\xA5" "360,000.50\"", 22,	/* ¥ */
	    "\"\xC2\xA5" "360,000.50\" is not a valid amount in attribute \"amount\" of <line>: "
	    "write digits only (no currency sign, unit or separators): \"360000.5\"");
	expect1("amount=\"100\"", "amount=\"3.65\xE4\xB8\x87\xE5\x85\x83\"", 22,	/* 3.65万元 */
	    "\"3.65\xE4\xB8\x87\xE5\x85\x83\" is not a valid amount in attribute \"amount\" "
	    "of <line>: write digits only (no currency sign, unit or separators): \"36500\"");
	/* full-width digits from a Chinese input method */
	expect1("amount=\"100\"", "amount=\"\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x90\"", 22,
	    "\"\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x90\" in attribute \"amount\" of <line> "
	    "holds full-width characters (digits, letters or spaces from a Chinese "
	    "input method): write \"100\"");
	/* a % sign in a number */
	expect1("target=\"2\"", "target=\"38%\"", 11,
	    "\"38%\" is not a valid number in attribute \"target\" of <metric>: the % "
	    "sign belongs in unit=\"%\"; write \"38\" here");
	expect1("amount=\"100\"", "amount=\"1000.555\"", 22,
	    "\"1000.555\" is not a valid amount in attribute \"amount\" of <line>: use "
	    "digits with at most two decimals, no separators");
	expect1("amount=\"100\"", "amount=\"-100\"", 22,
	    "\"-100\" is not a valid amount in attribute \"amount\" of <line>: it must "
	    "not be negative");
	expect1("<budget>", "<budget total=\"1e5\">", 21,
	    "\"1e5\" is not a valid amount in attribute \"total\" of <budget>: use "
	    "digits with at most two decimals, no separators");
	/* a negative total or contingency is well-formed money */
	{
		struct pg_diags d;
		char *xml = mutate("<budget>", "<budget total=\"-5.50\">");
		assert_int_equal(validate(xml, &d), 0);
		pg_diags_free(&d);
		free(xml);
	}
}

static void
bad_number(void **state)
{
	(void)state;
	expect1("baseline=\"1\"", "baseline=\"1e5\"", 11,
	    "\"1e5\" is not a valid number in attribute \"baseline\" of <metric>: use "
	    "digits with an optional decimal point, no separators or exponent");
	expect1("target=\"2\"", "target=\"1,5\"", 11,
	    "\"1,5\" is not a valid number in attribute \"target\" of <metric>: use "
	    "digits with an optional decimal point, no separators or exponent");
	expect1("goals=\"G1\"", "goals=\"G1,G2\"", 17,
	    "\"G1,G2\" is not a valid list of ids in attribute \"goals\" of <action>: "
	    "separate ids with spaces, e.g. \"G1 G2\"");
	expect1("goals=\"G1\"", "goals=\" \"", 17,
	    "attribute \"goals\" of <action> must name at least one id");
	expect1("<plan version=\"1\">", "<plan version=\"1\" currency=\"euro\">", 1,
	    "\"euro\" is not a valid currency code in attribute \"currency\" of <plan>: "
	    "use a three-letter ISO 4217 code such as CNY, EUR or USD");
}

static const char posmap[] =
    "<situation><market>X<fact label=\"a\" value=\"b\"/></market>\n"
    "<competitors><competitor id=\"C1\" name=\"c\">d</competitor></competitors>\n"
    "<positioning-map x=\"Price\" y=\"Image\">\n"
    "<position %s x=\"10\" y=\"20\"/>\n"
    "</positioning-map></situation>";

static void
position_choice(void **state)
{
	char	buf[1024];

	(void)state;
	snprintf(buf, sizeof(buf), posmap, "competitor=\"C1\" own=\"target\"");
	expect1("<situation><market>X<fact label=\"a\" value=\"b\"/></market></situation>",
	    buf, 9, "<position> may have only one of the attributes \"competitor\" "
	    "and \"own\": remove one");
	snprintf(buf, sizeof(buf), posmap, "");
	expect1("<situation><market>X<fact label=\"a\" value=\"b\"/></market></situation>",
	    buf, 9, "<position> needs either the attribute \"competitor\" or \"own\"");
	snprintf(buf, sizeof(buf), posmap, "own=\"future\"");
	expect1("<situation><market>X<fact label=\"a\" value=\"b\"/></market></situation>",
	    buf, 9, "attribute \"own\" of <position> must be one of current, target: "
	    "\"future\" is not allowed");
	snprintf(buf, sizeof(buf), posmap, "own=\"current\" label=\"Us\"");
	{
		struct pg_diags d;
		char *xml = mutate("<situation><market>X<fact label=\"a\" value=\"b\"/>"
		    "</market></situation>", buf);
		assert_int_equal(validate(xml, &d), 0);
		pg_diags_free(&d);
		free(xml);
	}
}

static void
version_and_root(void **state)
{
	struct pg_diags d;

	(void)state;
	expect1("version=\"1\"", "version=\"3\"", 1,
	    "attribute \"version\" of <plan> must be one of 1, 2: \"3\" is not allowed");
	expect1("<plan version=\"1\">", "<plan>", 1,
	    "<plan> is missing the required attribute \"version\"");
	assert_int_equal(validate("<?xml version=\"1.0\"?>\n<report version=\"1\"/>\n", &d), 1);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 2);
	assert_string_equal(d.v[0].msg, "the root element must be <plan version=\"1\">, not <report>");
	pg_diags_free(&d);
	assert_int_equal(validate("<plan xmlns=\"urn:x\" version=\"1\"/>", &d), 1);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].msg, "<plan> must not be in a namespace: remove xmlns=\"urn:x\"");
	pg_diags_free(&d);
}

static void
order_and_text(void **state)
{
	(void)state;
	/* the 7Ps have a fixed order */
	expect1("<core>c</core>", "<core>c</core><mix><price>a</price>\n<product>b</product></mix>",
	    16, "<product> must come before <price> in <mix>");
	/* elsewhere any order is fine, e.g. <core> first */
	{
		struct pg_diags d;
		char *xml = mutate("<positioning>p</positioning><target-customers>t</target-customers>\n"
		    "    <core>c</core>", "<core>c</core><target-customers>t</target-customers>\n"
		    "    <positioning>p</positioning>");
		assert_int_equal(validate(xml, &d), 0);
		pg_diags_free(&d);
		free(xml);
	}
	expect1("<goals>\n", "<goals>\n  some words\n", 9,
	    "text \"some words\" is not allowed directly in <goals>");
	expect1("end=\"2027-12-31\"/>", "end=\"2027-12-31\">x</period>", 3,
	    "<period> must be empty: remove the text \"x\"");
	expect1("<market>X<fact label=\"a\" value=\"b\"/></market>",
	    "<market><fact label=\"a\" value=\"b\"/>X</market>", 6,
	    "in <market>, the text must come before <fact>");
	expect1("<market-definition>M</market-definition>",
	    "<market-definition>M<p>more</p></market-definition>", 4,
	    "<market-definition> mixes plain text with <p>/<list>: put this text in a <p> too");
	expect1("<market-definition>M</market-definition>",
	    "<market-definition><p>a <b>bold</b></p></market-definition>", 4,
	    "unknown element <b> in <p> (<p> may hold <em>, <strong>)");
	expect1("<market-definition>M</market-definition>",
	    "<market-definition><list><item>a</item><p>a</p></list></market-definition>", 4,
	    "<p> is not allowed in <list>; it belongs in <market-definition>, "
	    "<overview>, <market> and 18 other elements");
	expect1("<title>Do</title>", "<title>Do <em>now</em></title>", 18,
	    "<title> holds plain text only, without markup such as <em>: remove the <em> tags and keep the text");
}

static void
prose_and_instructions(void **state)
{
	struct pg_diags d;
	char *xml;

	(void)state;
	/* blocks with inline markup, comments and accept instructions anywhere */
	xml = mutate("<market-definition>M</market-definition>",
	    "<market-definition><!-- c --><p>a <em>b</em> <strong>c</strong></p>\n"
	    "<?plangen accept placeholder-text?><list><item>i <em>j</em> "
	    "<strong>bold <em>and italic</em></strong></item></list>"
	    "</market-definition>");
	assert_int_equal(validate(xml, &d), 0);
	print_diags(&d);
	assert_int_equal(d.n, 0);
	pg_diags_free(&d);
	free(xml);
}

static void
several_problems_sorted(void **state)
{
	struct pg_diags d;
	char *xml, *xml2;

	(void)state;
	xml = mutate("amount=\"100\"", "amount=\"1.999\"");
	xml2 = malloc(strlen(xml) + 64);
	assert_non_null(xml2);
	strcpy(xml2, xml);
	/* also a bad due date on line 9 */
	memcpy(strstr(xml2, "2027-06-30"), "2027-06-31", 10);
	assert_int_equal(validate(xml2, &d), 1);
	assert_int_equal(d.n, 2);
	assert_int_equal(d.v[0].line, 9);
	assert_int_equal(d.v[1].line, 22);
	pg_diags_free(&d);
	free(xml);
	free(xml2);
}

static void
lines_past_65535(void **state)
{
	struct pg_diags	 d;
	size_t		 pad = 70000, n = strlen(base);
	char		*xml = malloc(n + pad + 64);
	const char	*at;

	(void)state;
	assert_non_null(xml);
	/* 70000 blank lines inside <budget>, then a line with a bad amount */
	at = strstr(base, "  <budget>\n") + strlen("  <budget>\n");
	memcpy(xml, base, (size_t)(at - base));
	memset(xml + (at - base), '\n', pad);
	strcpy(xml + (at - base) + pad, at);
	memcpy(strstr(xml, "amount=\"100\""), "amount=\"1,0\"", 12);
	assert_int_equal(validate(xml, &d), 1);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 22 + pad);
	pg_diags_free(&d);
	free(xml);
	/*
	 * Past line 65535 libxml2 alone guesses an element's line from its
	 * neighbours: a <goal> whose first child is on the next line, and an
	 * empty <metric/> followed by a line break, came out one line late.
	 */
	xml = malloc(n + pad + 64);
	assert_non_null(xml);
	at = strstr(base, "  <summary>");
	memcpy(xml, base, (size_t)(at - base));
	memset(xml + (at - base), '\n', pad);
	strcpy(xml + (at - base) + pad, at);
	memcpy(strstr(xml, "due=\"2027-06-30\""), "due=\"2027-06-31\"", 16);
	memcpy(strstr(xml, "baseline=\"1\""), "baseline=\"x\"", 12);
	memcpy(strstr(xml, "category=\"sales\""), "category=\"Sales\"", 16);
	assert_int_equal(validate(xml, &d), 1);
	print_diags(&d);
	assert_int_equal(d.n, 3);
	assert_int_equal(d.v[0].line, 9 + pad);
	assert_int_equal(d.v[1].line, 11 + pad);
	assert_int_equal(d.v[2].line, 17 + pad);
	pg_diags_free(&d);
	free(xml);
}

static void
many_problems_capped(void **state)
{
	struct pg_diags	 d;
	size_t		 i, n = 3000;
	char		*xml = malloc(sizeof(base) + n * 8);
	char		*p;
	const char	*at = strstr(base, "<title>T</title>");

	(void)state;
	assert_non_null(xml);
	memcpy(xml, base, (size_t)(at - base));
	p = xml + (at - base);
	for (i = 0; i < n; i++)
		p += sprintf(p, "<foo/>\n");
	strcpy(p, at);
	assert_int_equal(validate(xml, &d), 1);
	assert_int_equal(d.n, 1001);
	assert_int_equal(d.v[0].line, 0);
	assert_string_equal(d.v[0].msg, "too many schema errors: only the first "
	    "1000 are shown, 2000 more are not");
	assert_string_equal(d.v[1].msg, "unknown element <foo> in <meta>" META_EN);
	pg_diags_free(&d);
	free(xml);
}

/* Every kind of finding once in Chinese: same lines, names as written. */
static void
chinese_structure(void **state)
{
	(void)state;
	expect1_zh("<statement>Grow</statement>", "", 9,
	    "<goal> 缺少必需的 <statement>");
	expect1_zh("<title>T</title>", "<title>T</title><foo/>", 2,
	    "<meta> 中不能有未知元素 <foo>" META_ZH);
	expect1_zh("<title>T</title>", "<title>T</title><x:foo xmlns:x=\"urn:x\"/>", 2,
	    "<meta> 中不能有未知元素 <x:foo>（计划的元素没有命名空间）");
	expect1_zh("<statement>Grow</statement>", "<statment>Grow</statment>", 10,
	    "<goal> 中不能有未知元素 <statment>：是否想写 <statement>？");
	expect1_zh("<statement>Grow</statement>",
	    "<statement>Grow</statement><title>x</title>", 10,
	    "<goal> 中不能有 <title>；它应放在 <meta> 或 <action> 中");
	expect1_zh("<title>Do</title>", "<title>Do <em>now</em></title>", 18,
	    "<title> 只能写纯文字，不能有 <em> 等标记：请删除 <em> 标签，保留其中的文字");
	expect1_zh("<market-definition>M</market-definition>",
	    "<market-definition><list><item>a</item><p>a</p></list></market-definition>", 4,
	    "<list> 中不能有 <p>；它应放在 <market-definition>、<overview>、<market> "
	    "以及另外 18 个元素中");
	expect1_zh("<title>Do</title>", "<title>Do</title><title>Again</title>", 18,
	    "<action> 中只能有一个 <title>");
	expect1_zh("<core>c</core>",
	    "<core>c</core><mix><price>a</price>\n<product>b</product></mix>", 16,
	    "<mix> 中 <product> 必须在 <price> 之前");
	expect1_zh("<goals>\n", "<goals>\n  some words\n", 9,
	    "<goals> 中不能直接写文字 \"some words\"");
	expect1_zh("end=\"2027-12-31\"/>", "end=\"2027-12-31\">x</period>", 3,
	    "<period> 必须为空：请删除文字 \"x\"");
	expect1_zh("<market>X<fact label=\"a\" value=\"b\"/></market>",
	    "<market><fact label=\"a\" value=\"b\"/>X</market>", 6,
	    "<market> 中的文字必须在 <fact> 之前");
	expect1_zh("<market-definition>M</market-definition>",
	    "<market-definition>M<p>more</p></market-definition>", 4,
	    "<market-definition> 中混用了纯文字和 <p>/<list>：请把这段文字也放进 <p>");
}

static void
chinese_attributes(void **state)
{
	char buf[1024];

	(void)state;
	expect1_zh("category=\"sales\"", "catgory=\"sales\"", 17,
	    "<action> 上有未知属性 \"catgory\"：是否想写 \"category\"？");
	expect1_zh("<goal id=\"G1\"", "<goal colour=\"red\" id=\"G1\"", 9,
	    "<goal> 上有未知属性 \"colour\"（可用的属性：id、type、parent、owner、"
	    "due、addresses）");
	expect1_zh("<statement>", "<statement lang=\"en\">", 10,
	    "<statement> 不能有属性：请删除 \"lang\"");
	expect1_zh("start=\"2027-01-01\" end=\"2027-02-01\"", "end=\"2027-02-01\"", 17,
	    "<action> 缺少必需的属性 \"start\"");
	snprintf(buf, sizeof(buf), posmap, "competitor=\"C1\" own=\"target\"");
	expect1_zh("<situation><market>X<fact label=\"a\" value=\"b\"/></market></situation>",
	    buf, 9, "<position> 只能有属性 \"competitor\" 和 \"own\" 中的一个：请删除其中一个");
	snprintf(buf, sizeof(buf), posmap, "");
	expect1_zh("<situation><market>X<fact label=\"a\" value=\"b\"/></market></situation>",
	    buf, 9, "<position> 需要属性 \"competitor\" 或 \"own\" 二者之一");
}

static void
chinese_values(void **state)
{
	(void)state;
	expect1_zh("category=\"sales\"", "category=\"marketing\"", 17,
	    "<action> 的属性 \"category\" 必须是 sales、promotion、advertising、pr、"
	    "training、channel、product、research、service、digital、other 之一，"
	    "不能是 \"marketing\"");
	expect1_zh("</title><organization>", "</title><status>final</status><organization>", 2,
	    "<status> 必须是 draft、review、approved 之一，不能是 \"final\"");
	expect1_zh("version=\"1\"", "version=\"3\"", 1,
	    "<plan> 的属性 \"version\" 必须是 1、2 之一，不能是 \"3\"");
	expect1_zh("due=\"2027-06-30\"", "due=\"2027-02-30\"", 9,
	    "<goal> 的属性 \"due\" 的值 \"2027-02-30\" 不是有效日期：2027 年 2 月没有 30 日");
	expect1_zh("due=\"2027-06-30\"", "due=\" 2027-06-30\"", 9,
	    "<goal> 的属性 \"due\" 的值 \" 2027-06-30\" 不是有效日期（格式为 "
	    "YYYY-MM-DD）：请去掉前后的空格");
	expect1_zh("</title><organization>", "</title><date>tomorrow</date><organization>", 2,
	    "<date> 的值 \"tomorrow\" 不是有效日期（格式为 YYYY-MM-DD）");
	expect1_zh("amount=\"100\"", "amount=\"320,000\"", 22,
	    "<line> 的属性 \"amount\" 的值 \"320,000\" 不是有效金额：请只写数字（不带"
	    "货币符号、单位和分隔符），写成 \"320000\"");
	expect1_zh("due=\"2027-06-30\"", "due=\"\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92"
	    "\xEF\xBC\x97-\xEF\xBC\x90\xEF\xBC\x96-\xEF\xBC\x93\xEF\xBC\x90\"", 9,
	    "<goal> 的属性 \"due\" 的值 \"\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x97-"
	    "\xEF\xBC\x90\xEF\xBC\x96-\xEF\xBC\x93\xEF\xBC\x90\" 中有全角字符（全角数字、"
	    "字母或全角空格），请改为半角：写成 \"2027-06-30\"");
	expect1_zh("goals=\"G1\"", "goals=\"G1\xE3\x80\x80G1\"", 17,
	    "<action> 的属性 \"goals\" 的值 \"G1\xE3\x80\x80G1\" 中有全角字符（全角数字、"
	    "字母或全角空格），请改为半角：写成 \"G1 G1\"");
	expect1_zh("target=\"2\"", "target=\"38%\"", 11,
	    "<metric> 的属性 \"target\" 的值 \"38%\" 不是有效数字：% 号应写在 "
	    "unit=\"%\" 中，这里写成 \"38\"");
	expect1_zh("amount=\"100\"", "amount=\"-100\"", 22,
	    "<line> 的属性 \"amount\" 的值 \"-100\" 不是有效金额：不能为负数");
	expect1_zh("baseline=\"1\"", "baseline=\"1e5\"", 11,
	    "<metric> 的属性 \"baseline\" 的值 \"1e5\" 不是有效数字：请只写数字，"
	    "可带小数点，不加千位分隔符，也不要写成 1e6 这样的科学计数法");
	expect1_zh("goals=\"G1\"", "goals=\"G1,G2\"", 17,
	    "<action> 的属性 \"goals\" 的值 \"G1,G2\" 不是有效 id 列表：多个 id "
	    "之间用空格分隔，例如 \"G1 G2\"");
	expect1_zh("goals=\"G1\"", "goals=\" \"", 17,
	    "<action> 的属性 \"goals\" 必须至少写一个 id");
	expect1_zh("<goal id=\"G1\"", "<goal id=\"1G\"", 9,
	    "<goal> 的属性 \"id\" 的值 \"1G\" 不是有效 id：id 以字母或 _ 开头，"
	    "只能包含字母、数字、-、_ 和 .");
	expect1_zh("<plan version=\"1\">", "<plan version=\"1\" currency=\"euro\">", 1,
	    "<plan> 的属性 \"currency\" 的值 \"euro\" 不是有效货币代码：请使用三个"
	    "字母的 ISO 4217 代码，例如 CNY、EUR 或 USD");
}

static void
chinese_root_and_cap(void **state)
{
	struct pg_diags	 d;
	size_t		 i, n = 3000;
	char		*xml, *p;
	const char	*at = strstr(base, "<title>T</title>");

	(void)state;
	assert_int_equal(validate_lang("<?xml version=\"1.0\"?>\n<report version=\"1\"/>\n",
	    "zh", &d), 1);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 2);
	assert_string_equal(d.v[0].msg, "根元素必须是 <plan version=\"1\">，而不是 <report>");
	pg_diags_free(&d);
	assert_int_equal(validate_lang("<plan xmlns=\"urn:x\" version=\"1\"/>", "zh-TW",
	    &d), 1);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].msg, "<plan> 不能带命名空间：请删除 xmlns=\"urn:x\"");
	pg_diags_free(&d);

	xml = malloc(sizeof(base) + n * 8);
	assert_non_null(xml);
	memcpy(xml, base, (size_t)(at - base));
	p = xml + (at - base);
	for (i = 0; i < n; i++)
		p += sprintf(p, "<foo/>\n");
	strcpy(p, at);
	assert_int_equal(validate_lang(xml, "ZH_cn", &d), 1);
	assert_int_equal(d.n, 1001);
	assert_int_equal(d.v[0].line, 0);
	assert_string_equal(d.v[0].msg, "schema 错误太多：只列出前 1000 个，另有 2000 个未列出");
	assert_int_equal(d.v[1].line, 2);
	assert_string_equal(d.v[1].msg, "<meta> 中不能有未知元素 <foo>" META_ZH);
	pg_diags_free(&d);
	free(xml);
}

/* Only zh, zh-* and zh_* select Chinese; the verdict never depends on it. */
static void
language_choice(void **state)
{
	static const char *en[] = { "en", "en-GB", "fr", "", "zhx", "z", NULL };
	struct pg_diags	 d;
	char		*xml = mutate("<title>T</title>", "<title>T</title><foo/>");
	size_t		 i;

	(void)state;
	for (i = 0; en[i] != NULL; i++) {
		assert_int_equal(validate_lang(xml, en[i], &d), 1);
		assert_int_equal(d.n, 1);
		assert_string_equal(d.v[0].msg, "unknown element <foo> in <meta>" META_EN);
		pg_diags_free(&d);
	}
	assert_int_equal(validate_lang(base, "zh-CN", &d), 0);
	assert_int_equal(d.n, 0);
	pg_diags_free(&d);
	free(xml);
}

static void
schema_text_embedded(void **state)
{
	size_t		 len;
	const char	*s = pg_schema_text(&len);

	(void)state;
	assert_true(len > 1000);
	assert_non_null(strstr(s, "<grammar"));
	assert_int_equal(strlen(s), len);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(schema_text_embedded),
		cmocka_unit_test(base_is_valid),
		cmocka_unit_test(full_fixture_is_valid),
		cmocka_unit_test(missing_element),
		cmocka_unit_test(unknown_element),
		cmocka_unit_test(unknown_attribute),
		cmocka_unit_test(bad_enumeration),
		cmocka_unit_test(bad_date),
		cmocka_unit_test(bad_money),
		cmocka_unit_test(bad_number),
		cmocka_unit_test(position_choice),
		cmocka_unit_test(version_and_root),
		cmocka_unit_test(order_and_text),
		cmocka_unit_test(prose_and_instructions),
		cmocka_unit_test(several_problems_sorted),
		cmocka_unit_test(lines_past_65535),
		cmocka_unit_test(many_problems_capped),
		cmocka_unit_test(chinese_structure),
		cmocka_unit_test(chinese_attributes),
		cmocka_unit_test(chinese_values),
		cmocka_unit_test(chinese_root_and_cap),
		cmocka_unit_test(language_choice),
	};
	int rc;

	pg_xml_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	pg_schema_cleanup();
	return rc;
}
