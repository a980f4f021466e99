/*
 * template_palette.c — can the colours of a template's <palette> be told
 * apart?  Each pair is compared by the CIEDE2000 colour difference (CIE
 * 15:2004, Sharma, Wu and Dalal's formulation) of their CIELAB values
 * (sRGB, D65), and the first few also by lightness alone, as on a
 * grey-scale print.  See template_int.h.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "base/lang.h"
#include "compose/template_int.h"

#ifndef M_PI
#define M_PI	3.14159265358979323846
#endif

#define RULE	PG_F_TEMPLATE

struct lab { double l, a, b; };

static double
lin(double c)
{
	c /= 255.0;
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double
f(double t)
{
	return t > 216.0 / 24389.0 ? cbrt(t) : (24389.0 / 27.0 * t + 16) / 116.0;
}

static struct lab
to_lab(struct pg_color c)
{
	double		r = lin(c.r), g = lin(c.g), b = lin(c.b);
	double		x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
	double		y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
	double		z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
	struct lab	o;

	o.l = 116 * f(y) - 16;
	o.a = 500 * (f(x) - f(y));
	o.b = 200 * (f(y) - f(z));
	return o;
}

static double
deg(double r)
{
	double d = r * 180.0 / M_PI;

	return d < 0 ? d + 360 : d;
}

static double
rad(double d)
{
	return d * M_PI / 180.0;
}

double
pg_color_de2000(struct pg_color ca, struct pg_color cb)
{
	struct lab	p = to_lab(ca), q = to_lab(cb);
	double		c1 = hypot(p.a, p.b), c2 = hypot(q.a, q.b), cm = (c1 + c2) / 2;
	double		g = 0.5 * (1 - sqrt(pow(cm, 7) / (pow(cm, 7) + pow(25, 7))));
	double		a1 = (1 + g) * p.a, a2 = (1 + g) * q.a;
	double		c1p = hypot(a1, p.b), c2p = hypot(a2, q.b);
	double		h1 = c1p == 0 ? 0 : deg(atan2(p.b, a1));
	double		h2 = c2p == 0 ? 0 : deg(atan2(q.b, a2));
	double		dl = q.l - p.l, dc = c2p - c1p, dh, dhh, lm, cmp, hm, t;
	double		sl, sc, sh, rt, dth;

	if (c1p * c2p == 0)
		dh = 0;
	else if (fabs(h2 - h1) <= 180)
		dh = h2 - h1;
	else
		dh = h2 - h1 > 180 ? h2 - h1 - 360 : h2 - h1 + 360;
	dhh = 2 * sqrt(c1p * c2p) * sin(rad(dh / 2));
	lm = (p.l + q.l) / 2;
	cmp = (c1p + c2p) / 2;
	if (c1p * c2p == 0)
		hm = h1 + h2;
	else if (fabs(h1 - h2) <= 180)
		hm = (h1 + h2) / 2;
	else
		hm = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
	t = 1 - 0.17 * cos(rad(hm - 30)) + 0.24 * cos(rad(2 * hm)) +
	    0.32 * cos(rad(3 * hm + 6)) - 0.20 * cos(rad(4 * hm - 63));
	dth = 30 * exp(-pow((hm - 275) / 25, 2));
	rt = -2 * sqrt(pow(cmp, 7) / (pow(cmp, 7) + pow(25, 7))) * sin(rad(2 * dth));
	sl = 1 + 0.015 * pow(lm - 50, 2) / sqrt(20 + pow(lm - 50, 2));
	sc = 1 + 0.045 * cmp;
	sh = 1 + 0.015 * cmp * t;
	return sqrt(pow(dl / sl, 2) + pow(dc / sc, 2) + pow(dhh / sh, 2) +
	    rt * (dc / sc) * (dhh / sh));
}

double
pg_color_dl(struct pg_color a, struct pg_color b)
{
	return fabs(to_lab(a).l - to_lab(b).l);
}

int
pg_tpl_palette_check(const struct pg_template *t, const char *file,
    unsigned long line, struct pg_diags *d)
{
	int	i, j, n = 0;
	double	de;

	for (i = 0; i < t->npalette; i++)
		for (j = i + 1; j < t->npalette; j++) {
			const struct pg_color a = t->palette[i], b = t->palette[j];
			if ((de = pg_color_de2000(a, b)) < PG_PALETTE_MIN_DE) {
				pg_diag_emit(d, RULE, file, line, PG_UI("<palette>: "
				    "colours %d (#%02X%02X%02X) and %d (#%02X%02X%02X) "
				    "are too close to tell apart (colour difference "
				    "ΔE2000 %.1f, at least %.0f needed): make one "
				    "lighter, darker or of another hue",
				    "<palette>：第 %d 个颜色（#%02X%02X%02X）和第 %d 个"
				    "颜色（#%02X%02X%02X）太接近，难以分辨（色差 ΔE2000 "
				    "为 %.1f，至少需要 %.0f）：请把其中一个调亮、调暗或换"
				    "一种色相"), i + 1, a.r, a.g, a.b, j + 1, b.r, b.g,
				    b.b, de, PG_PALETTE_MIN_DE);
				n++;
			} else if (i < PG_PALETTE_GREY && j < PG_PALETTE_GREY &&
			    (de = pg_color_dl(a, b)) < PG_PALETTE_MIN_DL) {
				pg_diag_emit(d, RULE, file, line, PG_UI("<palette>: "
				    "colours %d (#%02X%02X%02X) and %d (#%02X%02X%02X) "
				    "look the same in grey-scale (lightness differs by "
				    "%.1f, at least %.0f needed for the first %d "
				    "colours): make one lighter or darker",
				    "<palette>：第 %d 个颜色（#%02X%02X%02X）和第 %d 个"
				    "颜色（#%02X%02X%02X）在黑白打印时看起来一样（明度只"
				    "差 %.1f，至少需要 %.0f，前 %d 个颜色都要如此）：请把"
				    "其中一个调亮或调暗"), i + 1, a.r, a.g, a.b, j + 1, b.r,
				    b.g, b.b, de, PG_PALETTE_MIN_DL, PG_PALETTE_GREY);
				n++;
			}
		}
	return n;
}
