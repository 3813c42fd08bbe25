/* gencorpus.c — a seeded synthetic corpus of annual reports (政府信息公开工作年度报告),
 * each written beside the expectations it must meet (tests/tools/expect_check.c format).
 *
 *   gencorpus --seed S --count N --out DIR [--first K] [--per-dir M] [--no-expect] [--quiet]
 *             [--pairs]
 *
 * Writes reports K .. K+N-1 (K defaults to 0).  Report i depends only on (S, i), so the
 * same seed gives byte-identical files, and a corpus of 100,000 holds the corpus of
 * 10,000 as its first reports.  With --per-dir M, report i goes to DIR/NNN/ where
 * NNN = i / M (so DIR/000 holds reports 0 .. M-1).  With --pairs (and --no-expect), each
 * report is followed by the same body's report of the year before (the same tables and
 * text, the year one less; its name starts with p instead of g), so that every report has
 * a partner year: what check does with year pairs (the cross-year rules) is measured.
 *
 * What a report is made of:
 *   - the 2021 template (about 10% the 2019 one), with plausible values — mostly zeros and
 *     small counts, now and then hundreds — and every table consistent;
 *   - a title "<body>2023年政府信息公开工作年度报告" (2020 for the 2019 format), the six
 *     sections with their standard headings, a short narrative that states the number of
 *     applications received (section 一) and the 信息处理费 (section 六);
 *   - one of the layouts of the sample reports: tab grid (seed 000), one cell per line
 *     (001), markdown-ish PDF text (003), web-page copy with NBSP empty cells (005), pipe
 *     tables (006), cells separated by runs of spaces (007); GB18030 (~10%), UTF-16LE with
 *     a BOM (~5%), CRLF line ends (~10%, and every web copy), full-width digits in a few
 *     cells, thousands separators, stray spaces, and the seeds' quirks: a title split over
 *     lines, "2、" headings, a repeated heading, wrapped group labels, OCR debris ("> ~",
 *     a lone "+"), spaced-out labels ("尚 未 审 结"), a page break inside a sentence, and
 *     now and then the label typos 总记 / 本年度止件数 (expected: STRUCT.LABEL_VARIANT);
 *   - in about 20% of the reports one injected problem: a table-3 row total off by one
 *     (T3.ROW_TOTAL), an unbalanced column (T3.BALANCE), a wrong table-4 total
 *     (T4.GROUP_TOTAL), a narrative count that contradicts the table (TEXT.MISMATCH), or
 *     lost cells: empty cells or blank markers whose value is 0 (status blank, CELL.BLANK)
 *     or lost non-zero cells that the rule equations fix uniquely (status inferred,
 *     CELL.INFERRED) — one, or two (in one row: then only the column equations fix them).
 *     Lost cells are solved here by the generator's own propagation over the SPEC
 *     equations; a lost non-zero cell is written only when that solves it.  An empty cell
 *     is used where the layout shows which cell is empty; PDF text (no empty cells) and a
 *     lost 总计 in a tab grid get a blank marker ("-", "—", "/", "无") instead.
 *
 * The expectations come only from what the generator wrote: format, body, year, a `cell`
 * line for every cell of the template, a `finding` line for every problem written (with
 * cells that pin down the equation or cell), `nofinding` for every other rule, and
 * `noerrors` when no error was injected.  The engine is never used. */
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <fcntl.h>
#include <unistd.h>

/* ---- output buffers -------------------------------------------------------------------- */

typedef struct {
    char *p;
    size_t n, cap;
} buf;

static void die(const char *what)
{
    fprintf(stderr, "gencorpus: %s\n", what);
    exit(2);
}

static void bgrow(buf *b, size_t more)
{
    if (b->n + more + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 8192;
    while (cap < b->n + more + 1)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p)
        die("out of memory");
    b->p = p;
    b->cap = cap;
}

static void bputn(buf *b, const char *s, size_t n)
{
    bgrow(b, n);
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void bput(buf *b, const char *s)
{
    bputn(b, s, strlen(s));
}

static void bputc(buf *b, char c)
{
    bputn(b, &c, 1);
}

__attribute__((format(printf, 2, 3))) static void bprintf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[1024];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        die("format error");
    if ((size_t)n < sizeof tmp) {
        bputn(b, tmp, (size_t)n);
        return;
    }
    bgrow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)n;
}

/* ---- the random stream (splitmix64; no rand()) -------------------------------------------- */

static uint64_t next64(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static unsigned rn(uint64_t *s, unsigned n) /* uniform in [0, n) */
{
    return n ? (unsigned)(((next64(s) >> 32) * (uint64_t)n) >> 32) : 0;
}

static int pm(uint64_t *s, unsigned permille)
{
    return rn(s, 1000) < permille;
}

static const char *pick(uint64_t *s, const char *const *v, unsigned n)
{
    return v[rn(s, n)];
}

#define PICK(s, arr) pick((s), (arr), (unsigned)(sizeof(arr) / sizeof((arr)[0])))

/* ---- the templates ------------------------------------------------------------------------ */

enum { FMT_2021, FMT_2019 };
enum { L_TAB, L_BLOCK, L_MD, L_HTML, L_PIPES, L_SPACES, NLAYOUTS };
static const char *const LAYOUT_NAME[NLAYOUTS] = {"tab", "block", "md", "html", "pipes", "spaces"};

typedef struct {
    const char *key;
    const char *label;          /* as printed */
    int ncols;
    const char *cols[3];
    const char *heads[3];       /* column headers */
    char kind[3];               /* 'c' count, 'd' decimal, 's' signed change */
    const char *block;          /* 第二十条第（X）项 heading before this row, or NULL */
} t2_row;

static const t2_row T2_2021[] = {
    {"rule", "规章", 3, {"issued", "repealed", "valid"}, {"本年制发件数", "本年废止件数", "现行有效件数"}, "ccc", "（一）"},
    {"normative", "行政规范性文件", 3, {"issued", "repealed", "valid"}, {0}, "ccc", NULL},
    {"license", "行政许可", 1, {"decisions"}, {"本年处理决定数量"}, "c", "（五）"},
    {"penalty", "行政处罚", 1, {"decisions"}, {"本年处理决定数量"}, "c", "（六）"},
    {"coercion", "行政强制", 1, {"decisions"}, {0}, "c", NULL},
    {"fee", "行政事业性收费", 1, {"amount"}, {"本年收费金额（单位：万元）"}, "d", "（八）"},
};

static const t2_row T2_2019[] = {
    {"rule", "规章", 3, {"made", "published", "total_public"}, {"本年新制作数量", "本年新公开数量", "对外公开总数量"}, "ccc", "（一）"},
    {"normative", "规范性文件", 3, {"made", "published", "total_public"}, {0}, "ccc", NULL},
    {"license", "行政许可", 3, {"prev", "change", "decisions"}, {"上一年项目数量", "本年增/减", "处理决定数量"}, "csc", "（五）"},
    {"other_service", "其他对外管理服务事项", 3, {"prev", "change", "decisions"}, {0}, "csc", NULL},
    {"penalty", "行政处罚", 3, {"prev", "change", "decisions"}, {"上一年项目数量", "本年增/减", "处理决定数量"}, "csc", "（六）"},
    {"coercion", "行政强制", 3, {"prev", "change", "decisions"}, {0}, "csc", NULL},
    {"fee", "行政事业性收费", 2, {"prev", "change"}, {"上一年项目数量", "本年增/减"}, "cs", "（八）"},
    {"procurement", "政府集中采购", 2, {"count", "amount"}, {"采购项目数量", "采购总金额"}, "cd", "（九）"},
};

/* Table 3: row key, group (0 none, 1 deny, 2 unable, 3 reject, 4 other), item label. */
typedef struct {
    const char *key;
    int group;
    const char *label;
} t3_row;

static const t3_row T3_2021[] = {
    {"new", 0, "一、本年新收政府信息公开申请数量"},
    {"carried_in", 0, "二、上年结转政府信息公开申请数量"},
    {"granted", 0, "（一）予以公开"},
    {"partial", 0, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
    {"deny.secret", 1, "1.属于国家秘密"},
    {"deny.law", 1, "2.其他法律行政法规禁止公开"},
    {"deny.safety", 1, "3.危及“三安全一稳定”"},
    {"deny.third_party", 1, "4.保护第三方合法权益"},
    {"deny.internal", 1, "5.属于三类内部事务信息"},
    {"deny.process", 1, "6.属于四类过程性信息"},
    {"deny.enforcement", 1, "7.属于行政执法案卷"},
    {"deny.inquiry", 1, "8.属于行政查询事项"},
    {"unable.no_info", 2, "1.本机关不掌握相关政府信息"},
    {"unable.needs_creation", 2, "2.没有现成信息需要另行制作"},
    {"unable.unclear", 2, "3.补正后申请内容仍不明确"},
    {"reject.complaint", 3, "1.信访举报投诉类申请"},
    {"reject.repeat", 3, "2.重复申请"},
    {"reject.publication", 3, "3.要求提供公开出版物"},
    {"reject.massive", 3, "4.无正当理由大量反复申请"},
    {"reject.confirm", 3, "5.要求行政机关确认或重新出具已获取信息"},
    {"other.no_correction", 4, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
    {"other.no_fee", 4, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
    {"other.other", 4, "3.其他"},
    {"handled_total", 0, "（七）总计"},
    {"carried_out", 0, "四、结转下年度继续办理"},
};

static const t3_row T3_2019[] = {
    {"new", 0, "一、本年新收政府信息公开申请数量"},
    {"carried_in", 0, "二、上年结转政府信息公开申请数量"},
    {"granted", 0, "（一）予以公开"},
    {"partial", 0, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
    {"deny.secret", 1, "1.属于国家秘密"},
    {"deny.law", 1, "2.其他法律行政法规禁止公开"},
    {"deny.safety", 1, "3.危及“三安全一稳定”"},
    {"deny.third_party", 1, "4.保护第三方合法权益"},
    {"deny.internal", 1, "5.属于三类内部事务信息"},
    {"deny.process", 1, "6.属于四类过程性信息"},
    {"deny.enforcement", 1, "7.属于行政执法案卷"},
    {"deny.inquiry", 1, "8.属于行政查询事项"},
    {"unable.no_info", 2, "1.本机关不掌握相关政府信息"},
    {"unable.needs_creation", 2, "2.没有现成信息需要另行制作"},
    {"unable.unclear", 2, "3.补正后申请内容仍不明确"},
    {"reject.complaint", 3, "1.信访举报投诉类申请"},
    {"reject.repeat", 3, "2.重复申请"},
    {"reject.publication", 3, "3.要求提供公开出版物"},
    {"reject.massive", 3, "4.无正当理由大量反复申请"},
    {"reject.confirm", 3, "5.要求行政机关确认或重新出具已获取信息"},
    {"other.total", 4, NULL},
    {"handled_total", 0, "（七）总计"},
    {"carried_out", 0, "四、结转下年度继续办理"},
};

static const char *const GROUP_LABEL[5] = {NULL, "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"};
static const char *const T3_COLS[7] = {"natural", "business", "research", "charity", "legal", "other", "total"};
static const char *const T4_GROUPS[3] = {"review", "suit_direct", "suit_after_review"};
static const char *const T4_COLS[5] = {"upheld", "corrected", "other", "pending", "total"};

static const char *const RULES[] = {
    "T3.BALANCE",    "T3.ROW_TOTAL",           "T3.HANDLED_SUM",     "T4.GROUP_TOTAL",       "T2.VALID_GE",
    "CELL.NEGATIVE", "CELL.NOT_INTEGER",       "CELL.MISSING",       "CELL.BLANK",           "CELL.INFERRED",
    "TEXT.MISMATCH", "STRUCT.SECTION_MISSING", "STRUCT.ROW_MISSING", "STRUCT.LABEL_VARIANT", "FEE.NOT_REPORTED",
    "YEAR.MISMATCH", "XYEAR.CARRY",            "XYEAR.VALID",
};
#define NRULES ((int)(sizeof RULES / sizeof RULES[0]))
static const int RULE_IS_ERROR[NRULES] = {1, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0};

/* ---- the report model ----------------------------------------------------------------------- */

#define MAXCELLS 224
#define MAXEQ 64

typedef struct {
    char id[48];
    long v;            /* the value written (hundredths for decimal cells) */
    char kind;         /* 'c' count, 'd' decimal, 's' signed */
    char lost;         /* 0 written, 1 empty cell, 2 blank marker */
    const char *marker;
    char fw;           /* full-width digits */
    char sep;          /* thousands separators */
    char unit;         /* "元" after the number */
    char plus;         /* "+" before a positive change */
    char stray;        /* stray space before (1) or after (2) the number */
    char solved;       /* lost and fixed by an equation */
} cell;

typedef struct {
    const char *rule;
    int n;
    int cell[24];
    int coef[24];
    int name[2];        /* two cells that pin the equation down */
} equation;

enum { INJ_NONE, INJ_ROW_TOTAL, INJ_BALANCE, INJ_T4, INJ_TEXT, INJ_BLANK, INJ_INFERRED };
static const char *const INJ_NAME[] = {"ok", "rowtotal", "balance", "t4total", "text", "blank", "inferred"};

enum { ST_NEW, ST_CARRIED_IN, ST_GRANTED, ST_CARRIED_OUT, ST_REVIEW, ST_SUIT, NSTATED };

typedef struct {
    int fmt, layout, year;
    int enc;            /* 0 UTF-8, 1 UTF-8 BOM, 2 GB18030, 3 UTF-16LE BOM */
    int crlf;
    int ascii_punct;    /* "(一) 予以公开" rather than "（一）予以公开" */
    int inj;
    char body[160], shortname[64], county[64];
    const t2_row *t2;
    int nt2rows;
    const t3_row *t3;
    int nt3;
    int n2, ncell;
    cell c[MAXCELLS];
    equation eq[MAXEQ];
    int neq;
    /* narrative: which counts are stated, and the value stated */
    int stated[NSTATED], stated_value[NSTATED];
    int mismatch;       /* the stated kind that contradicts the table, -1 none */
    /* expected extra findings */
    int label_typo;     /* 总记 / 本年度止件数: STRUCT.LABEL_VARIANT */
    int zero_phrase;    /* "未收到…申请" / "未发生…行政复议、行政诉讼" */
    int dup_heading;    /* markdown: the first heading twice */
    char note[512];
} report;

static int T2C(const report *R, int row, int col)
{
    int k = 0;
    for (int r = 0; r < row; r++)
        k += R->t2[r].ncols;
    return k + col;
}

static int T3C(const report *R, int row, int col)
{
    return R->n2 + row * 7 + col;
}

static int T4C(const report *R, int g, int col)
{
    return R->n2 + R->nt3 * 7 + g * 5 + col;
}

static int t3_row_index(const report *R, const char *key)
{
    for (int r = 0; r < R->nt3; r++)
        if (!strcmp(R->t3[r].key, key))
            return r;
    return -1;
}

/* Cell ids and kinds of both templates, built once. */
static cell TEMPLATE_CELLS[2][MAXCELLS];
static int TEMPLATE_N2[2], TEMPLATE_N[2];

static void build_cells(report *R)
{
    int f = R->fmt;
    if (!TEMPLATE_N[f]) {
        cell *t = TEMPLATE_CELLS[f];
        int k = 0;
        for (int r = 0; r < R->nt2rows; r++)
            for (int c = 0; c < R->t2[r].ncols; c++, k++) {
                snprintf(t[k].id, sizeof t[k].id, "t2.%s.%s", R->t2[r].key, R->t2[r].cols[c]);
                t[k].kind = R->t2[r].kind[c];
            }
        TEMPLATE_N2[f] = k;
        for (int r = 0; r < R->nt3; r++)
            for (int c = 0; c < 7; c++, k++) {
                snprintf(t[k].id, sizeof t[k].id, "t3.%s.%s", R->t3[r].key, T3_COLS[c]);
                t[k].kind = 'c';
            }
        for (int g = 0; g < 3; g++)
            for (int c = 0; c < 5; c++, k++) {
                snprintf(t[k].id, sizeof t[k].id, "t4.%s.%s", T4_GROUPS[g], T4_COLS[c]);
                t[k].kind = 'c';
            }
        TEMPLATE_N[f] = k;
    }
    R->n2 = TEMPLATE_N2[f];
    R->ncell = TEMPLATE_N[f];
    memcpy(R->c, TEMPLATE_CELLS[f], (size_t)R->ncell * sizeof R->c[0]);
}

/* The SPEC's equations (勾稽关系), as the generator knows them. */
static void build_equations(report *R)
{
    R->neq = 0;
    int inew = t3_row_index(R, "new"), iin = t3_row_index(R, "carried_in");
    int iht = t3_row_index(R, "handled_total"), iout = t3_row_index(R, "carried_out");
    int igr = t3_row_index(R, "granted");
    for (int r = 0; r < R->nt3; r++) {
        equation *e = &R->eq[R->neq++];
        e->rule = "T3.ROW_TOTAL";
        e->n = 0;
        e->cell[e->n] = T3C(R, r, 6), e->coef[e->n++] = 1;
        for (int c = 0; c < 6; c++)
            e->cell[e->n] = T3C(R, r, c), e->coef[e->n++] = -1;
        e->name[0] = T3C(R, r, 6), e->name[1] = T3C(R, r, 0);
    }
    for (int c = 0; c < 7; c++) {
        equation *e = &R->eq[R->neq++];
        e->rule = "T3.BALANCE";
        e->n = 4;
        e->cell[0] = T3C(R, inew, c), e->coef[0] = 1;
        e->cell[1] = T3C(R, iin, c), e->coef[1] = 1;
        e->cell[2] = T3C(R, iht, c), e->coef[2] = -1;
        e->cell[3] = T3C(R, iout, c), e->coef[3] = -1;
        e->name[0] = T3C(R, inew, c), e->name[1] = T3C(R, iout, c);
    }
    for (int c = 0; c < 7; c++) {
        equation *e = &R->eq[R->neq++];
        e->rule = "T3.HANDLED_SUM";
        e->n = 0;
        e->cell[e->n] = T3C(R, iht, c), e->coef[e->n++] = 1;
        for (int r = igr; r < iht; r++)
            e->cell[e->n] = T3C(R, r, c), e->coef[e->n++] = -1;
        e->name[0] = T3C(R, iht, c), e->name[1] = T3C(R, igr, c);
    }
    for (int g = 0; g < 3; g++) {
        equation *e = &R->eq[R->neq++];
        e->rule = "T4.GROUP_TOTAL";
        e->n = 5;
        e->cell[0] = T4C(R, g, 4), e->coef[0] = 1;
        for (int c = 0; c < 4; c++)
            e->cell[c + 1] = T4C(R, g, c), e->coef[c + 1] = -1;
        e->name[0] = T4C(R, g, 4), e->name[1] = T4C(R, g, 0);
    }
}

static long eq_residual(const report *R, const equation *e)
{
    long s = 0;
    for (int k = 0; k < e->n; k++)
        s += e->coef[k] * R->c[e->cell[k]].v;
    return s;
}

/* Fixes lost cells as the SPEC says: any equation with exactly one unknown fixes it,
 * repeated until nothing changes.  Returns 0 when a lost non-zero cell stays unknown or
 * an equation fixes a value other than the one written (a generator bug). */
static int solve_lost(report *R)
{
    char known[MAXCELLS];
    for (int i = 0; i < R->ncell; i++) {
        known[i] = !R->c[i].lost;
        R->c[i].solved = 0;
    }
    for (int changed = 1; changed;) {
        changed = 0;
        for (int q = 0; q < R->neq; q++) {
            const equation *e = &R->eq[q];
            int u = -1, nu = 0, coef = 0;
            long s = 0;
            for (int k = 0; k < e->n; k++) {
                if (!known[e->cell[k]]) {
                    nu++;
                    u = e->cell[k];
                    coef = e->coef[k];
                } else {
                    s += e->coef[k] * R->c[e->cell[k]].v;
                }
            }
            if (nu != 1)
                continue;
            long x = -s / coef;
            if (x != R->c[u].v)
                return 0;
            known[u] = 1;
            R->c[u].solved = 1;
            changed = 1;
        }
    }
    for (int i = 0; i < R->ncell; i++)
        if (R->c[i].lost && !R->c[i].solved && R->c[i].v != 0)
            return 0;
    return 1;
}

/* ---- bodies --------------------------------------------------------------------------------- */

static const char *const PLACE[] = {
    "青", "禾", "柳", "塘", "东", "湖", "西", "南", "北", "河", "山", "川", "江", "平", "安", "宁", "阳", "城",
    "新", "丰", "宝", "兴", "华", "龙", "凤", "石", "桥", "林", "泉", "清", "云", "峰", "岭", "溪", "源", "汇",
    "福", "泰", "康", "永", "昌", "盛", "德", "明", "武", "文", "长", "乐", "和", "兰", "白", "黄", "金", "玉",
    "庄", "集", "营", "店", "坪", "沟", "汲", "卫", "漷", "次", "修", "通", "州", "崇", "梅", "松", "桂", "杨",
};
static const char *const COUNTY_SUFFIX[] = {"县", "县", "县", "市", "区", "区"};
static const char *const DEPTS[] = {
    "交通运输局", "自然资源局", "卫生健康委员会", "市场监督管理局", "人民政府办公室", "教育局", "民政局", "财政局",
    "人力资源和社会保障局", "住房和城乡建设局", "农业农村局", "水利局", "生态环境局", "文化广电和旅游局",
    "应急管理局", "统计局", "医疗保障局", "司法局", "退役军人事务局", "商务局", "审计局", "林业局",
    "发展和改革委员会", "政府办公室",
};

static void place_name(uint64_t *s, char *out, size_t n, int syllables)
{
    out[0] = '\0';
    unsigned np = (unsigned)(sizeof PLACE / sizeof PLACE[0]), prev = np;
    for (int i = 0; i < syllables; i++) {
        unsigned k = rn(s, np);
        if (k == prev)
            k = (k + 1 + rn(s, np - 1)) % np;        /* no "丰丰" */
        prev = k;
        const char *p = PLACE[k];
        if (strlen(out) + strlen(p) + 1 < n)
            strcat(out, p);
    }
}

static void make_body(report *R, uint64_t *s)
{
    char city[32] = "", county[48], town[32];
    if (pm(s, 300)) {
        place_name(s, city, sizeof city, 2);
        strcat(city, "市");
    }
    place_name(s, county, sizeof county, 2);
    strcat(county, PICK(s, COUNTY_SUFFIX));
    place_name(s, town, sizeof town, 2);
    snprintf(R->county, sizeof R->county, "%s", county);
    unsigned kind = rn(s, 100);
    if (kind < 40) {
        const char *t = pm(s, 750) ? "镇" : "乡";
        snprintf(R->body, sizeof R->body, "%s%s%s%s人民政府", city, county, town, t);
        snprintf(R->shortname, sizeof R->shortname, "%s%s", town, t);
    } else if (kind < 52) {
        snprintf(R->body, sizeof R->body, "%s%s%s街道办事处", city, county, town);
        snprintf(R->shortname, sizeof R->shortname, "%s街道", town);
    } else if (kind < 90) {
        const char *d = PICK(s, DEPTS);
        snprintf(R->body, sizeof R->body, "%s%s%s", city, county, d);
        snprintf(R->shortname, sizeof R->shortname, "%s", strstr(d, "局") ? "我局" : "本机关");
    } else {
        snprintf(R->body, sizeof R->body, "%s%s人民政府", city, county);
        snprintf(R->shortname, sizeof R->shortname, "%s人民政府", county);
    }
}

/* ---- values --------------------------------------------------------------------------------- */

static void gen_t2(report *R, uint64_t *s)
{
    for (int r = 0; r < R->nt2rows; r++) {
        const t2_row *d = &R->t2[r];
        int base = T2C(R, r, 0);
        cell *c = &R->c[base];
        if (!strcmp(d->key, "rule") || !strcmp(d->key, "normative")) {
            int active = !strcmp(d->key, "rule") ? pm(s, 60) : pm(s, 500);
            if (!active)
                continue;
            if (R->fmt == FMT_2021) {
                c[0].v = rn(s, 6);
                c[1].v = pm(s, 300) ? rn(s, 3) : 0;
                long floor = c[0].v - c[1].v > 0 ? c[0].v - c[1].v : 0;
                c[2].v = floor + rn(s, 40);
            } else {
                c[0].v = rn(s, 6);
                c[1].v = c[0].v - (long)rn(s, (unsigned)c[0].v + 1);
                c[2].v = c[1].v + rn(s, 40);
            }
        } else if (!strcmp(d->key, "fee")) {
            if (R->fmt == FMT_2021) {
                if (pm(s, 220))
                    c[0].v = pm(s, 500) ? (long)(1 + rn(s, 5000)) : (long)(1 + rn(s, 200)) * 100;
            } else {
                c[0].v = pm(s, 500) ? rn(s, 8) : 0;
                c[1].v = pm(s, 250) ? (long)rn(s, 5) - 2 : 0;
                c[1].plus = (char)pm(s, 500);
            }
        } else if (!strcmp(d->key, "procurement")) {
            if (pm(s, 400)) {
                c[0].v = 1 + rn(s, 12);
                c[1].v = pm(s, 600) ? (long)(10000 + rn(s, 900000)) * 100 : (long)(1 + rn(s, 99999));
                c[1].unit = (char)(c[1].v % 100 == 0 && pm(s, 600));
            }
        } else {                 /* decisions, with prev / change in 2019 */
            int dec = d->ncols - 1;
            unsigned x = rn(s, 100);
            long v = x < 45 ? 0 : x < 80 ? (long)(1 + rn(s, 60)) : x < 95 ? (long)(60 + rn(s, 600)) : (long)(1000 + rn(s, 9000));
            c[dec].v = v;
            c[dec].sep = (char)(v >= 1000 && pm(s, 500));
            if (d->ncols == 3) {
                c[0].v = pm(s, 700) ? (long)rn(s, 60) : 0;
                c[1].v = pm(s, 300) ? (long)rn(s, 7) - 3 : 0;
                c[1].plus = (char)pm(s, 600);
            }
        }
    }
}

static void gen_t3(report *R, uint64_t *s)
{
    static const unsigned W2021[] = {400, 90, 6, 6, 8, 20, 12, 20, 6, 10, 150, 30, 15, 20, 40, 8, 6, 8, 25, 8, 40};
    static const unsigned W2019[] = {400, 90, 6, 6, 8, 20, 12, 20, 6, 10, 150, 30, 15, 20, 40, 8, 6, 8, 60};
    const unsigned *W = R->fmt == FMT_2021 ? W2021 : W2019;
    int inew = t3_row_index(R, "new"), iin = t3_row_index(R, "carried_in");
    int igr = t3_row_index(R, "granted"), iht = t3_row_index(R, "handled_total");
    int iout = t3_row_index(R, "carried_out");
    int nres = iht - igr;
    unsigned wsum = 0;
    for (int k = 0; k < nres; k++)
        wsum += W[k];
    unsigned level = rn(s, 100);
    for (int c = 0; c < 6; c++) {
        static const unsigned ACTIVE[6] = {1000, 260, 25, 30, 50, 90};
        long nw = 0, cin = 0, cout = 0;
        if (level >= 30 && pm(s, ACTIVE[c])) {
            nw = level < 75 ? (long)rn(s, 8) : level < 95 ? (long)rn(s, 60) : (long)(50 + rn(s, 500));
            if (c > 0)
                nw = nw / (long)(2 + rn(s, 6));
        }
        if (pm(s, c == 0 ? 250 : 60))
            cin = 1 + rn(s, 3);
        long avail = nw + cin;
        if (avail > 0 && pm(s, 300))
            cout = rn(s, (unsigned)(avail < 6 ? avail + 1 : avail / 4 + 1));
        long handled = avail - cout;
        R->c[T3C(R, inew, c)].v = nw;
        R->c[T3C(R, iin, c)].v = cin;
        R->c[T3C(R, iout, c)].v = cout;
        R->c[T3C(R, iht, c)].v = handled;
        /* spread the handled applications over the result rows */
        long left = handled;
        while (left > 0) {
            long chunk = left > 40 ? left / 8 : 1;
            unsigned x = rn(s, wsum);
            int k = 0;
            while (x >= W[k]) {
                x -= W[k];
                k++;
            }
            R->c[T3C(R, igr + k, c)].v += chunk;
            left -= chunk;
        }
    }
    for (int r = 0; r < R->nt3; r++) {
        long t = 0;
        for (int c = 0; c < 6; c++)
            t += R->c[T3C(R, r, c)].v;
        R->c[T3C(R, r, 6)].v = t;
    }
}

static void gen_t4(report *R, uint64_t *s)
{
    for (int g = 0; g < 3; g++) {
        if (!pm(s, g == 0 ? 150 : 90))
            continue;
        long t = 0;
        for (int c = 0; c < 4; c++) {
            long v = pm(s, c == 0 ? 500 : 250) ? (long)(1 + rn(s, 3)) : 0;
            R->c[T4C(R, g, c)].v = v;
            t += v;
        }
        R->c[T4C(R, g, 4)].v = t;
    }
}

/* ---- injection ------------------------------------------------------------------------------ */

static const char *const MARKERS[] = {"-", "—", "/", "无"};   /* SPEC's blank markers */

static int t3_value_cells(const report *R, int nonzero, int allow_total, int *out)
{
    int n = 0;
    for (int r = 0; r < R->nt3; r++)
        for (int c = 0; c < (allow_total ? 7 : 6); c++) {
            int i = T3C(R, r, c);
            if ((R->c[i].v != 0) == nonzero)
                out[n++] = i;
        }
    return n;
}

static void lose(report *R, uint64_t *s, int i, int empty_ok)
{
    if (empty_ok && pm(s, 650)) {
        R->c[i].lost = 1;
    } else {
        R->c[i].lost = 2;
        R->c[i].marker = PICK(s, MARKERS);
    }
}

static void inject(report *R, uint64_t *s)
{
    int cand[MAXCELLS];
    int empties = R->layout != L_SPACES;   /* PDF text cannot show an empty cell */
    switch (R->inj) {
    case INJ_ROW_TOTAL: {
        int r = (int)rn(s, (unsigned)R->nt3);
        cell *t = &R->c[T3C(R, r, 6)];
        long d = t->v > 0 && pm(s, 400) ? -1 : 1;
        t->v += d;
        snprintf(R->note, sizeof R->note, "%s written %ld, the row sums to %ld", t->id, t->v, t->v - d);
        break;
    }
    case INJ_BALANCE: {
        int c = (int)rn(s, 6);
        int r = t3_row_index(R, pm(s, 500) ? "carried_out" : "carried_in");
        cell *x = &R->c[T3C(R, r, c)], *t = &R->c[T3C(R, r, 6)];
        long d = x->v > 0 && pm(s, 400) ? -1 : 1;
        x->v += d;
        t->v += d;
        snprintf(R->note, sizeof R->note, "%s and %s both written %+ld: the row still adds up, the columns do not",
                 x->id, t->id, d);
        break;
    }
    case INJ_T4: {
        int g = (int)rn(s, 3);
        cell *t = &R->c[T4C(R, g, 4)];
        long d = t->v > 0 && pm(s, 400) ? -1 : 1;
        t->v += d;
        snprintf(R->note, sizeof R->note, "%s written %ld, its group sums to %ld", t->id, t->v, t->v - d);
        break;
    }
    case INJ_BLANK: {
        /* zero cells written empty or as a blank marker: status blank, value 0 */
        unsigned how = rn(s, 100);
        int g0 = T4C(R, 0, 0);
        int review_zero = 1;
        for (int c = 0; c < 5; c++)
            review_zero &= R->c[g0 + c].v == 0;
        if (how < 20 && review_zero && empties) {
            for (int c = 0; c < 5; c++)
                R->c[g0 + c].lost = 1;                /* seeds 002 and 004 */
            snprintf(R->note, sizeof R->note, "the five 行政复议 cells of table 4 are empty (all 0)");
        } else if (how < 40) {
            int n = 0;
            for (int i = 0; i < R->n2; i++)
                if (R->c[i].v == 0 && R->c[i].kind == 'c')
                    cand[n++] = i;
            if (!n)
                return;
            int i = cand[rn(s, (unsigned)n)];
            lose(R, s, i, empties);
            snprintf(R->note, sizeof R->note, "%s (0) written %s", R->c[i].id, R->c[i].lost == 1 ? "empty" : R->c[i].marker);
        } else {
            int n = t3_value_cells(R, 0, 0, cand);
            int k = 1 + (int)rn(s, 3);
            char *p = R->note;
            for (int j = 0; j < k && n; j++) {
                int i = cand[rn(s, (unsigned)n)];
                if (R->c[i].lost)
                    continue;
                lose(R, s, i, empties);
                size_t used = (size_t)(p - R->note);
                int w = snprintf(p, sizeof R->note - used, "%s%s (0) written %s", j ? "; " : "", R->c[i].id,
                                 R->c[i].lost == 1 ? "empty" : R->c[i].marker);
                if (w > 0 && (size_t)w < sizeof R->note - used)
                    p += w;
            }
        }
        break;
    }
    case INJ_INFERRED: {
        /* non-zero cells lost that the equations fix: one (seed 003: its row total fixes
         * it), sometimes a second in another row, or in the same row — then only the
         * column equations fix them */
        int n = t3_value_cells(R, 1, 0, cand);
        int n4 = 0, c4[12];
        for (int g = 0; g < 3; g++)
            for (int c = 0; c < 4; c++)
                if (R->c[T4C(R, g, c)].v)
                    c4[n4++] = T4C(R, g, c);
        if (n + n4 == 0) {
            R->inj = INJ_BLANK;
            inject(R, s);
            return;
        }
        int i;
        if (n4 && (n == 0 || pm(s, 150)))
            i = c4[rn(s, (unsigned)n4)];
        else
            i = cand[rn(s, (unsigned)n)];
        /* a 总计 cell: left empty only where the layout shows which cell is empty
         * (one cell per line, pipes), otherwise written as a blank marker */
        int total = 0;
        if (i < T4C(R, 0, 0) && pm(s, 150)) {
            i = T3C(R, (i - R->n2) / 7, 6);
            total = 1;
        }
        lose(R, s, i, empties && (!total || R->layout == L_BLOCK || R->layout == L_PIPES));
        int w = snprintf(R->note, sizeof R->note, "%s (%ld) written %s", R->c[i].id, R->c[i].v,
                         R->c[i].lost == 1 ? "empty" : R->c[i].marker);
        if (n > 1 && pm(s, 250)) {
            for (int tries = 0; tries < 8; tries++) {
                int j = cand[rn(s, (unsigned)n)];
                if (R->c[j].lost)
                    continue;
                lose(R, s, j, empties);
                if (solve_lost(R)) {
                    if (w > 0 && (size_t)w < sizeof R->note)
                        snprintf(R->note + w, sizeof R->note - (size_t)w, "; %s (%ld) written %s", R->c[j].id,
                                 R->c[j].v, R->c[j].lost == 1 ? "empty" : R->c[j].marker);
                    break;
                }
                R->c[j].lost = 0;
                R->c[j].marker = NULL;
            }
        }
        break;
    }
    default:
        break;
    }
}

/* ---- cell text ------------------------------------------------------------------------------ */

static char arena[1 << 16];
static size_t arena_used;

static const char *astr(const char *s)
{
    size_t n = strlen(s) + 1;
    if (arena_used + n > sizeof arena)
        die("arena full");
    char *p = arena + arena_used;
    memcpy(p, s, n);
    arena_used += n;
    return p;
}

static void format_value(const cell *c, char *out, size_t n)
{
    char num[64];
    long v = c->v;
    if (c->kind == 'd') {
        long a = v < 0 ? -v : v;
        if (a % 100 == 0)
            snprintf(num, sizeof num, "%s%ld", v < 0 ? "-" : "", a / 100);
        else if (a % 10 == 0)
            snprintf(num, sizeof num, "%s%ld.%ld", v < 0 ? "-" : "", a / 100, (a % 100) / 10);
        else
            snprintf(num, sizeof num, "%s%ld.%02ld", v < 0 ? "-" : "", a / 100, a % 100);
    } else if (c->sep && v >= 1000) {
        char d[32];
        snprintf(d, sizeof d, "%ld", v);
        size_t len = strlen(d), k = 0;
        for (size_t i = 0; i < len; i++) {
            if (i && (len - i) % 3 == 0)
                num[k++] = ',';
            num[k++] = d[i];
        }
        num[k] = '\0';
    } else if (c->kind == 's' && v > 0 && c->plus) {
        snprintf(num, sizeof num, "+%ld", v);
    } else if (v >= 0 && v < 10) {
        num[0] = (char)('0' + v);
        num[1] = '\0';
    } else {
        snprintf(num, sizeof num, "%ld", v);
    }
    size_t len = strlen(num);
    if (len >= n)
        len = n - 1;
    memcpy(out, num, len);
    out[len] = '\0';
}

/* The expectation's number: plain digits. */
static void expect_value(const cell *c, char *out, size_t n)
{
    cell plain = *c;
    plain.sep = 0;
    plain.plus = 0;
    format_value(&plain, out, n);
}

static const char NIL[] = "";    /* an empty cell that is layout, not a template cell */
static const char LBL[] = "";    /* an empty label cell (printed in one-cell-per-line) */

static const char *cell_text(const report *R, const cell *c)
{
    if (c->lost == 1)
        return R->layout == L_HTML ? "\xc2\xa0" : "";
    if (c->lost == 2)
        return c->marker;
    char num[64], out[160];
    format_value(c, num, sizeof num);
    if (c->fw) {
        size_t k = 0;
        for (const char *p = num; *p && k + 4 < sizeof out; p++) {
            if (*p >= '0' && *p <= '9') {
                out[k++] = (char)0xEF;
                out[k++] = (char)0xBC;
                out[k++] = (char)(0x90 + (*p - '0'));
            } else {
                out[k++] = *p;
            }
        }
        out[k] = '\0';
    } else {
        memcpy(out, num, strlen(num) + 1);
    }
    if (c->unit)
        strcat(out, "元");
    if (c->stray == 1) {
        memmove(out + 1, out, strlen(out) + 1);
        out[0] = ' ';
    } else if (c->stray == 2) {
        strcat(out, " ");
    }
    return astr(out);
}

/* ---- text helpers ------------------------------------------------------------------------------ */

/* "（一）予以公开" -> "(一) 予以公开", "1.属于" -> "1. 属于", "，" -> ", " (seed 000's style). */
static const char *punct(const report *R, const char *s)
{
    if (!R->ascii_punct || !s)
        return s;
    char out[512];
    size_t k = 0;
    for (const char *p = s; *p && k + 8 < sizeof out;) {
        if (!strncmp(p, "（", 3)) {
            if (k && out[k - 1] != ' ' && p != s)
                out[k++] = ' ';
            out[k++] = '(';
            p += 3;
        } else if (!strncmp(p, "）", 3)) {
            out[k++] = ')';
            out[k++] = ' ';
            p += 3;
        } else if (!strncmp(p, "，", 3)) {
            out[k++] = ',';
            out[k++] = ' ';
            p += 3;
        } else if (p == s && p[0] >= '1' && p[0] <= '9' && p[1] == '.') {
            out[k++] = p[0];
            out[k++] = '.';
            out[k++] = ' ';
            p += 2;
        } else {
            out[k++] = *p++;
        }
    }
    while (k && out[k - 1] == ' ')
        k--;
    out[k] = '\0';
    return astr(out);
}

/* "第二十条第（一）项" -> "第二十条第(一)项" (seed 003) */
static const char *ascii_parens(const char *s)
{
    char out[256];
    size_t k = 0;
    for (const char *p = s; *p && k + 4 < sizeof out;) {
        if (!strncmp(p, "（", 3))
            out[k++] = '(', p += 3;
        else if (!strncmp(p, "）", 3))
            out[k++] = ')', p += 3;
        else
            out[k++] = *p++;
    }
    out[k] = '\0';
    return astr(out);
}

static int disp_width(const char *s)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x80)
            w++;
        else if ((*p & 0xC0) != 0x80)
            w += 2;
    }
    return w;
}

static void spaces(buf *b, int n)
{
    for (int i = 0; i < n; i++)
        bputc(b, ' ');
}

/* One table row in the report's layout.  NIL cells are layout padding; LBL cells are
 * empty label cells. */
static void emit_row(const report *R, buf *b, const char *const *cells, int n)
{
    switch (R->layout) {
    case L_TAB:
    case L_MD:
    case L_HTML:
        for (int i = 0; i < n; i++) {
            if (i)
                bputc(b, '\t');
            const char *t = cells[i];
            if (R->layout == L_HTML && !t[0])
                t = "\xc2\xa0";
            bput(b, t);
        }
        bputc(b, '\n');
        break;
    case L_PIPES:
        bputc(b, '|');
        for (int i = 0; i < n; i++) {
            bputc(b, ' ');
            bput(b, cells[i]);
            bput(b, " |");
        }
        bputc(b, '\n');
        break;
    case L_BLOCK:
        for (int i = 0; i < n; i++) {
            if (cells[i] == NIL)
                continue;
            bputc(b, '\t');
            bput(b, cells[i]);
            bputc(b, '\n');
        }
        bputc(b, '\n');
        break;
    case L_SPACES: {
        /* the label, then each number right-aligned in 8 columns from column 44 */
        int col = 0, first = 1;
        for (int i = 0; i < n; i++) {
            const char *t = cells[i];
            if (t == NIL || t == LBL || !t[0])
                continue;
            int w = disp_width(t);
            if (!first) {
                int pad = 8 - w;
                if (pad < 2)
                    pad = 2;
                if (col + pad < 44)
                    pad = 44 - col;
                spaces(b, pad);
                col += pad;
            }
            bput(b, t);
            col += w;
            first = 0;
        }
        bputc(b, '\n');
        break;
    }
    default:
        break;
    }
}

/* ---- narrative ------------------------------------------------------------------------------- */

static void subst(buf *b, const report *R, const char *tpl)
{
    for (const char *p = tpl; *p;) {
        if (p[0] == '{' && p[2] == '}') {
            switch (p[1]) {
            case 'Y':
                bprintf(b, "%d", R->year);
                break;
            case 'Z':
                bprintf(b, "%d", R->year + 1);
                break;
            case 'S':
                bput(b, R->shortname);
                break;
            case 'B':
                bput(b, R->body);
                break;
            case 'C':
                bput(b, R->county);
                break;
            default:
                bputn(b, p, 3);
                break;
            }
            p += 3;
        } else {
            bputc(b, *p++);
        }
    }
}

static void para_start(const report *R, buf *b)
{
    if (R->layout == L_HTML)
        bput(b, "　　");
}

static void para_end(const report *R, buf *b)
{
    bputc(b, '\n');
    if (R->layout != L_BLOCK)
        bputc(b, '\n');
}

static void heading(const report *R, buf *b, int k)
{
    static const char *const H[6] = {"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                     "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                                     "六、其他需要报告的事项"};
    static const char *const MD[6] = {"#### ", "## ", "# ", "### ", "### ", "## "};
    if (R->layout == L_MD)
        bput(b, MD[k]);
    else if (R->layout == L_PIPES)
        bput(b, "## ");
    if (R->layout == L_BLOCK && k == 1 && R->ascii_punct)
        bput(b, "2、 主动公开政府信息情况");   /* seed 001 */
    else
        bput(b, H[k]);
    bputc(b, '\n');
    if (R->layout != L_BLOCK)
        bputc(b, '\n');
    if (R->layout == L_MD && k == 0 && R->dup_heading) {
        bput(b, MD[0]);                     /* seed 003 repeats its first heading */
        bput(b, H[0]);
        bput(b, "\n\n");
    }
}

static const char *const OPEN[] = {
    "{Y}年，{S}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，认真落实党中央、国务院关于全面推进政务公开的决策部署，紧扣经济社会发展大局，不断提高信息发布、解读、回应质量。",
    "{Y}年，{S}认真贯彻落实《中华人民共和国政府信息公开条例》等相关文件要求，强化依法行政意识，拓宽信息公开渠道，加大重点领域信息公开力度，不断提升公开精准度和政府透明度。",
    "{Y}年，{S}坚持“公开为常态、不公开为例外”原则，持续推进基层政务公开标准化规范化建设，以公开促落实、促规范、促服务。",
};
static const char *const ACTIVE_P[] = {
    "全面贯彻落实《条例》，聚焦中心工作和群众关切，扎实推进政府信息依法主动公开。",
    "依托政务新媒体矩阵，发布健康科普、就业创业、纾困帮扶等主题信息，不断扩大公开覆盖面。",
    "严格落实“先审查、后公开”和“一事一审”制度，确保公开信息内容准确、合法、及时。",
    "围绕重大决策部署、重点领域和群众关切，及时发布政策文件和解读材料，做到应公开尽公开。",
};
static const char *const REQ_P[] = {
    "进一步规范依申请公开办理程序和答复内容，加强部门联动和沟通协调",
    "认真贯彻落实《中华人民共和国政府信息公开条例》，完善工作机制、优化工作流程、规范办理环节",
    "不断规范依申请公开工作，强化服务理念，加强与申请人有效沟通",
};
static const char *const MGMT_P[] = {
    "加强对政府信息公开工作的组织领导，根据人事变动情况及时调整工作领导小组人员，明确专人负责相关事项。",
    "建立健全信息发布审核机制，规范政府信息采集、审核、发布等工作流程，确保政府信息公开工作有序开展。",
    "持续做好政府信息公开目录的动态调整，对政策文件开展全面清理，及时公开清理结果。",
};
static const char *const PLAT_P[] = {
    "扎实推进政务新媒体规范化建设，深入推进网站集约化建设和信息共享，及时转载重大决策部署等权威信息。",
    "优化政府网站栏目设置，落实专人负责内容更新维护，确保政府信息公开的时效性、准确性、全面性。",
    "在便民服务中心设置政务公开专区，摆放政府信息公开指南，方便群众就近查阅。",
};
static const char *const SUP_P[] = {
    "持续开展信息公开社会评议，将政府信息公开工作置于群众监督之下，广泛听取群众意见和建议。",
    "加强政务公开队伍建设，开展业务培训和案例研讨交流，不断提高工作人员的业务水平。",
    "将政府信息公开工作纳入年度目标绩效考核，加强日常监督检查和业务指导。",
};
static const char *const PROB_P[] = {
    "{Y}年，{S}政府信息公开工作取得一定成绩，但还存在以下问题和不足：一是重点领域信息公开仍需进一步细化；二是创新亮点工作还不够突出。",
    "存在的主要问题：一是政策解读形式较为单一；二是依申请公开答复文书规范化水平有待提升。",
    "一是信息公开的质量需要改进，政策解读信息公开程度不够；二是信息公开队伍素质有待提升，工作人员对法律法规不够精通。",
};
static const char *const IMPR_P[] = {
    "{Z}年，{S}将从以下方面改进提高：一是紧扣各项重大改革和关键举措，继续优化政务公开、政策解读等工作；二是坚持加强监督考核和培训指导，强化政务公开工作队伍建设；三是更好统筹政务公开需求与安全保密要求，确保政务公开工作更安全、更稳健。",
    "改进情况：下一步，{S}将丰富图表、短视频等解读形式，加强对工作人员的业务培训，进一步规范答复文书。",
    "下一步，{S}将严格按照上级关于政务公开工作的安排部署，健全政府信息公开属性源头认定机制，加强信息公开人员培训教育力度，切实增强人民群众满意度、获得感。",
};
static const char *const FEE_P[] = {
    "本年度未收取信息处理费。",
    "{Y}年，本单位依据国务院办公厅关于印发《政府信息公开信息处理费管理办法》的通知（国办函〔2020〕109号），未收取信息处理费。",
    "根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），{Y}年度{B}收取信息处理费情况为：发出收费通知的件数为0件，总金额为0元，实际收取的总金额为0元。",
    "本机关 {Y} 年度未收取政府信息公开信息处理费。",
};

static void paragraph(const report *R, buf *b, const char *tpl)
{
    para_start(R, b);
    subst(b, R, tpl);
    para_end(R, b);
}

static long cellv(const report *R, const char *row, int col)
{
    return R->c[T3C(R, t3_row_index(R, row), col)].v;
}

/* The counts section 一 states (TEXT.MISMATCH checks them). */
static void plan_statements(report *R, uint64_t *s)
{
    memset(R->stated, 0, sizeof R->stated);
    R->stated[ST_NEW] = 1;
    R->stated_value[ST_NEW] = (int)cellv(R, "new", 6);
    if (pm(s, 400))
        R->stated[ST_CARRIED_IN] = 1, R->stated_value[ST_CARRIED_IN] = (int)cellv(R, "carried_in", 6);
    if (pm(s, 300))
        R->stated[ST_GRANTED] = 1, R->stated_value[ST_GRANTED] = (int)cellv(R, "granted", 6);
    if (pm(s, 400))
        R->stated[ST_CARRIED_OUT] = 1, R->stated_value[ST_CARRIED_OUT] = (int)cellv(R, "carried_out", 6);
    if (pm(s, 450)) {
        R->stated[ST_REVIEW] = R->stated[ST_SUIT] = 1;
        R->stated_value[ST_REVIEW] = (int)R->c[T4C(R, 0, 4)].v;
        R->stated_value[ST_SUIT] = (int)(R->c[T4C(R, 1, 4)].v + R->c[T4C(R, 2, 4)].v);
    }
    R->mismatch = -1;
    if (R->inj == INJ_TEXT) {
        int kinds[NSTATED], n = 0;
        for (int k = 0; k < ST_SUIT; k++)
            if (R->stated[k])
                kinds[n++] = k;
        int k = pm(s, 500) ? ST_NEW : kinds[rn(s, (unsigned)n)];
        int v = R->stated_value[k];
        int d = v > 0 && pm(s, 400) ? -1 : pm(s, 200) ? 10 : 1 + (int)rn(s, 2);
        R->stated_value[k] = v + d;
        R->mismatch = k;
        static const char *const what[] = {"t3.new.total", "t3.carried_in.total", "t3.granted.total",
                                           "t3.carried_out.total", "t4.review.total"};
        snprintf(R->note, sizeof R->note, "section 一 states %d where %s is %d", v + d, what[k], v);
    }
    /* a zero may be stated as "未收到…申请" / "未发生…行政复议、行政诉讼" */
    R->zero_phrase = pm(s, 500);
}

static void section_one(const report *R, buf *b, uint64_t *s)
{
    paragraph(R, b, PICK(s, OPEN));
    if (pm(s, 600))
        paragraph(R, b, pm(s, 500) ? "本报告统计期限为{Y}年1月1日至{Y}年12月31日。" : "本报告汇总本机关数据，统计期限为 {Y} 年 1 月 1 日至 12 月 31 日。");
    /* (一) 主动公开 */
    para_start(R, b);
    bput(b, punct(R, "（一）主动公开。"));
    subst(b, R, PICK(s, ACTIVE_P));
    bprintf(b, "全年通过政府门户网站主动公开政府信息%u条，发布政策解读%u篇。", 20 + rn(s, 600), rn(s, 30));
    para_end(R, b);
    /* (二) 依申请公开: the stated counts */
    para_start(R, b);
    bput(b, punct(R, "（二）依申请公开。"));
    subst(b, R, PICK(s, REQ_P));
    bput(b, "。");
    int nv = R->stated_value[ST_NEW];
    if (nv == 0 && R->zero_phrase && R->mismatch != ST_NEW) {
        bput(b, "全年未收到政府信息公开申请");
    } else {
        switch (rn(s, 4)) {
        case 0:
            bprintf(b, "全年共收到政府信息公开申请%d件", nv);
            break;
        case 1:
            bprintf(b, "%d 年，本机关收到政府信息公开申请 %d 件", R->year, nv);
            break;
        case 2:
            bprintf(b, "%d年，%s共收到政府信息公开申请%d件", R->year, R->shortname, nv);
            break;
        default:
            bprintf(b, "%d年共收到依申请公开 %d 件", R->year, nv);
            break;
        }
    }
    if (R->stated[ST_CARRIED_IN])
        bprintf(b, "，上年结转%d件", R->stated_value[ST_CARRIED_IN]);
    if (R->stated[ST_GRANTED])
        bprintf(b, "，办结的申请中予以公开%d件", R->stated_value[ST_GRANTED]);
    if (R->stated[ST_CARRIED_OUT])
        bprintf(b, "，结转下年度继续办理%d件", R->stated_value[ST_CARRIED_OUT]);
    bput(b, "。");
    if (pm(s, 500))
        bput(b, "所有申请均在法定期限内答复，答复文书格式规范、依据充分。");
    if (R->stated[ST_REVIEW]) {
        int rv = R->stated_value[ST_REVIEW], sv = R->stated_value[ST_SUIT];
        if (rv == 0 && sv == 0 && R->zero_phrase && R->mismatch != ST_REVIEW)
            bput(b, "全年未发生因政府信息公开引起的行政复议、行政诉讼情况。");
        else
            bprintf(b, "全年因政府信息公开引起行政复议%d件、行政诉讼%d件。", rv, sv);
    }
    para_end(R, b);
    /* (三) … (五) */
    static const char *const *const POOLS[3] = {MGMT_P, PLAT_P, SUP_P};
    static const char *const HEADS[3] = {"（三）政府信息管理。", "（四）政府信息公开平台建设。", "（五）监督保障。"};
    for (int k = 0; k < 3; k++) {
        para_start(R, b);
        bput(b, punct(R, HEADS[k]));
        unsigned first = rn(s, 3);
        subst(b, R, POOLS[k][first]);
        if (pm(s, 500))
            subst(b, R, POOLS[k][(first + 1 + rn(s, 2)) % 3]);
        if (k == 2 && pm(s, 500))
            subst(b, R, "{Y}年，{S}无政府信息公开工作责任追究情况。");
        para_end(R, b);
    }
    if (pm(s, 500))
        paragraph(R, b, R->ascii_punct ? "(六) 政府信息公开教育培训。将宣传教育、业务培训作为推进政府信息公开工作的重要抓手，通过举办政务开放日活动，深入宣传贯彻政府信息公开条例，重点围绕依申请公开流程开展咨询，提高公众对政府信息公开的认知度。"
                                       : "（六）政府信息公开教育培训。将宣传教育、业务培训作为推进政府信息公开工作的重要抓手，通过举办政务开放日活动，深入宣传贯彻政府信息公开条例，重点围绕依申请公开流程开展咨询，提高公众对政府信息公开的认知度。");
}

/* ---- tables ---------------------------------------------------------------------------------- */

static void emit_t2(report *R, buf *b)
{
    const char *row[16];
    int width = R->layout == L_MD ? 11 : 4;
    int sep_done = 0;
    for (int r = 0; r < R->nt2rows; r++) {
        const t2_row *d = &R->t2[r];
        if (d->block) {
            char h[96];
            snprintf(h, sizeof h, "第二十条第%s项", d->block);
            int n = 0;
            row[n++] = astr(R->layout == L_MD ? ascii_parens(h) : h);
            while (n < width)
                row[n++] = NIL;
            emit_row(R, b, row, n);
            if (R->layout == L_PIPES && !sep_done) {
                bput(b, "|---|---|---|---|\n");
                sep_done = 1;
            }
            n = 0;
            row[n++] = "信息内容";
            for (int c = 0; c < d->ncols; c++) {
                const char *hd = d->heads[c];
                if (R->label_typo == 2 && !strcmp(hd, "本年废止件数"))
                    hd = "本年度止件数";          /* seed 004 */
                row[n++] = hd;
            }
            while (n < width)
                row[n++] = NIL;
            emit_row(R, b, row, n);
        }
        int n = 0;
        row[n++] = d->label;
        for (int c = 0; c < d->ncols; c++)
            row[n++] = cell_text(R, &R->c[T2C(R, r, c)]);
        while (n < width)
            row[n++] = NIL;
        emit_row(R, b, row, n);
    }
}

static void t3_header(const report *R, buf *b)
{
    switch (R->layout) {
    case L_TAB:
        bput(b, punct(R, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"));
        bput(b, "\t\t申请人情况\t\t\t\t\t\t总计\t\n");
        bput(b, "\t\t自然人\t法人或其他组织\t\t\t\t\t\t\n");
        bput(b, "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t\n");
        break;
    case L_HTML:
        bput(b, "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\xc2\xa0\t申请人情况\t\xc2\xa0\t\xc2\xa0\t\xc2\xa0\t\xc2\xa0\t\xc2\xa0\t总计\t\xc2\xa0\n");
        bput(b, "\xc2\xa0\t\xc2\xa0\t自然人\t法人或其他组织\t\xc2\xa0\t\xc2\xa0\t\xc2\xa0\t\xc2\xa0\t\xc2\xa0\t\xc2\xa0\n");
        bput(b, "\xc2\xa0\t\xc2\xa0\t\xc2\xa0\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\xc2\xa0\t\xc2\xa0\n");
        break;
    case L_MD:
        bput(b, "\t\t\t\t申请人情况\t\t\t\t\t\t\t\t\n");
        bput(b, "\t\t\t法人或其他组织\t\t\t\t\t\t\t\t\t\n");
        bput(b, "(本列数据的勾稽关系为:第一项加第二项之和,等 于第三项加第四项之和)\t\t\t自然 人\t商业企业\t科研机构\t社会 公益 组织\t法律 服务 机构\t其他\t总计\t\t\t\n");
        break;
    case L_PIPES:
        bput(b, "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |  | 申请人情况 |  |  |  |  |  |  |\n");
        bput(b, "|---|---|---|---|---|---|---|---|---|\n");
        bput(b, "|  |  | 自然人 | 法人或其他组织 |  |  |  |  | 总计 |\n");
        bput(b, "|  |  |  | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |  |\n");
        break;
    case L_BLOCK:
        bput(b, "\t（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n\t申请人情况\n\n");
        bput(b, "\t\n\t自然人\n\t法人或其他组织\n\t总计\n\n");
        bput(b, "\t\n\t\n\t商业\n企业\n\t科研\n机构\n\t社会公益组织\n\t法律服务机构\n\t其他\n\t\n\n");
        break;
    case L_SPACES:
        bput(b, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n");
        spaces(b, 60);
        bput(b, "申请人情况\n");
        spaces(b, 52);
        bput(b, "自然人    法人或其他组织                                    总计\n");
        spaces(b, 60);
        bput(b, "商业企业  科研机构  社会公益组织  法律服务机构  其他\n");
        break;
    default:
        break;
    }
}

static void emit_t3(report *R, buf *b, uint64_t *s)
{
    t3_header(R, b);
    int quirk_other = pm(s, 500);         /* seed 000: "3. 其他" starting in column 0 */
    int md_group_mid = pm(s, 600);        /* seed 003: group label on a middle row */
    int md_debris = pm(s, 300);           /* seed 003: OCR debris "> ~" and a lone "+" */
    for (int r = 0; r < R->nt3; r++) {
        const t3_row *d = &R->t3[r];
        const char *row[24];
        int n = 0;
        const char *item = d->label ? punct(R, d->label) : NULL;
        int first_of_group = d->group && (r == 0 || R->t3[r - 1].group != d->group);
        const char *glabel = d->group ? punct(R, GROUP_LABEL[d->group]) : NULL;
        int is_head = !strcmp(d->key, "new") || !strcmp(d->key, "carried_in") || !strcmp(d->key, "carried_out");
        int is_total = !strcmp(d->key, "handled_total");
        if (is_total && R->label_typo == 1)
            item = R->ascii_punct ? "(七) 总记" : "（七）总记";   /* seed 003 */
        int other19 = !strcmp(d->key, "other.total");
        switch (R->layout) {
        case L_TAB:
        case L_HTML:
            if (is_head || is_total) {
                row[n++] = item, row[n++] = LBL;
            } else if (!strcmp(d->key, "granted")) {
                row[n++] = "三、本年度办理结果", row[n++] = item;
            } else if (!strcmp(d->key, "partial") || other19) {
                row[n++] = LBL, row[n++] = other19 ? glabel : item;
            } else if (!strcmp(d->key, "other.other") && quirk_other && R->layout == L_TAB) {
                row[n++] = item, row[n++] = LBL;     /* seed 000 */
            } else {
                row[n++] = LBL, row[n++] = first_of_group ? glabel : LBL, row[n++] = item;
            }
            break;
        case L_MD: {
            int mid = 0;
            if (d->group && md_group_mid) {
                int first = r;
                while (first > 0 && R->t3[first - 1].group == d->group)
                    first--;
                int last = r;
                while (last + 1 < R->nt3 && R->t3[last + 1].group == d->group)
                    last++;
                mid = r == first + (last - first) / 2;
            }
            if (is_head || !strcmp(d->key, "granted") || !strcmp(d->key, "partial")) {
                row[n++] = item, row[n++] = LBL, row[n++] = LBL;
            } else if (is_total || other19) {
                row[n++] = LBL, row[n++] = other19 ? glabel : item;
                row[n++] = is_total && md_debris ? "+" : LBL;
            } else {
                const char *col0 = LBL;
                if (d->group == 3 && md_group_mid && r > 0 && R->t3[r - 1].group != 3)
                    col0 = "年度办";                 /* seed 003: wrapped group label */
                else if (d->group == 3 && md_group_mid && r > 1 && R->t3[r - 2].group != 3)
                    col0 = "理结果";
                if (md_debris && !strcmp(d->key, "deny.process"))
                    col0 = "> ~";
                row[n++] = col0;
                row[n++] = md_group_mid ? (mid ? glabel : LBL) : (first_of_group ? glabel : LBL);
                row[n++] = item;
            }
            break;
        }
        case L_PIPES:
            if (is_head || is_total || !strcmp(d->key, "granted") || !strcmp(d->key, "partial") || other19) {
                if (!strcmp(d->key, "granted")) {
                    const char *hr[9] = {"三、本年度办理结果", NIL, NIL, NIL, NIL, NIL, NIL, NIL, NIL};
                    emit_row(R, b, hr, 9);
                }
                row[n++] = other19 ? glabel : item, row[n++] = NIL;
            } else {
                row[n++] = first_of_group ? glabel : NIL, row[n++] = item;
            }
            break;
        case L_BLOCK:
            if (is_head) {
                row[n++] = item;
            } else if (!strcmp(d->key, "granted")) {
                row[n++] = "三、本年度办理结果", row[n++] = item;
            } else if (!strcmp(d->key, "partial") || is_total || other19) {
                row[n++] = LBL, row[n++] = other19 ? glabel : item;
            } else {
                row[n++] = LBL, row[n++] = first_of_group ? glabel : LBL, row[n++] = item;
            }
            break;
        case L_SPACES: {
            char lab[512];
            if (!strcmp(d->key, "granted"))
                bput(b, "三、本年度办理结果\n");
            if (is_head || (is_total && !d->group))
                snprintf(lab, sizeof lab, "%s", item);
            else if (!d->group)
                snprintf(lab, sizeof lab, "    %s", item);
            else if (other19)
                snprintf(lab, sizeof lab, "    %s", glabel);
            else if (first_of_group)
                snprintf(lab, sizeof lab, "    %s  %s", glabel, item);
            else
                snprintf(lab, sizeof lab, "                      %s", item);
            row[n++] = astr(lab);
            break;
        }
        default:
            break;
        }
        for (int c = 0; c < 7; c++)
            row[n++] = cell_text(R, &R->c[T3C(R, r, c)]);
        if (R->layout == L_TAB || R->layout == L_HTML) {
            if (n == 9)
                row[n++] = LBL;
        } else if (R->layout == L_MD) {
            row[n++] = LBL, row[n++] = LBL, row[n++] = LBL;
        }
        emit_row(R, b, row, n);
    }
}

static void t4_header(const report *R, buf *b, int spaced)
{
    const char *st = spaced ? "尚 未 审 结" : "尚未 审结", *tt = spaced ? "总 计" : "总计";
    switch (R->layout) {
    case L_TAB:
    case L_MD:
        bput(b, "行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t\n");
        bprintf(b, "结果 维持\t结果 纠正\t其他 结果\t%s\t%s\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t\n", st, tt);
        bput(b, "\t\t\t\t");
        for (int k = 0; k < 2; k++)
            bprintf(b, "\t结果 维持\t结果 纠正\t其他 结果\t%s\t%s", st, tt);
        bputc(b, '\n');
        break;
    case L_HTML:
        bput(b, "行政复议");
        for (int k = 0; k < 4; k++)
            bput(b, "\t\xc2\xa0");
        bput(b, "\t行政诉讼");
        for (int k = 0; k < 9; k++)
            bput(b, "\t\xc2\xa0");
        bput(b, "\n结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t未经复议直接起诉");
        for (int k = 0; k < 4; k++)
            bput(b, "\t\xc2\xa0");
        bput(b, "\t复议后起诉");
        for (int k = 0; k < 4; k++)
            bput(b, "\t\xc2\xa0");
        bput(b, "\n\xc2\xa0\t\xc2\xa0\t\xc2\xa0\t\xc2\xa0\t\xc2\xa0");
        for (int k = 0; k < 2; k++)
            bput(b, "\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计");
        bputc(b, '\n');
        break;
    case L_PIPES:
        bput(b, "| 行政复议 |  |  |  |  | 行政诉讼 |  |  |  |  |  |  |  |  |  |\n");
        bput(b, "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        bput(b, "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 |  |  |  |  | 复议后起诉 |  |  |  |  |\n");
        bput(b, "|  |  |  |  |  | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n");
        break;
    case L_BLOCK:
        bput(b, "\t行政复议\n\t行政诉讼\n\n");
        bput(b, "\t结果维持\n\t结果\n纠正\n\t其他\n结果\n\t尚未\n审结\n\t总计\n\t未经复议直接起诉\n\t复议后起诉\n\n");
        bput(b, "\t\n\t\n\t\n\t\n\t\n");
        for (int k = 0; k < 2; k++)
            bput(b, "\t结果\n维持\n\t结果\n纠正\n\t其他\n结果\n\t尚未\n审结\n\t总计\n");
        bputc(b, '\n');
        break;
    case L_SPACES:
        bput(b, "行政复议                                                  行政诉讼\n");
        bput(b, "结果维持    结果纠正    其他结果    尚未审结    总计      未经复议直接起诉                                          复议后起诉\n");
        spaces(b, 58);
        bput(b, "结果维持    结果纠正    其他结果    尚未审结    总计      结果维持    结果纠正    其他结果    尚未审结    总计\n");
        break;
    default:
        break;
    }
}

static void emit_t4(report *R, buf *b, uint64_t *s)
{
    t4_header(R, b, R->layout == L_TAB && pm(s, 300));
    const char *row[20];
    int n = 0;
    for (int g = 0; g < 3; g++)
        for (int c = 0; c < 5; c++)
            row[n++] = cell_text(R, &R->c[T4C(R, g, c)]);
    if (R->layout == L_MD)
        row[n++] = LBL;
    if (R->layout == L_SPACES) {
        for (int i = 0; i < n; i++) {
            if (i)
                spaces(b, 12 - disp_width(row[i]) > 2 ? 12 - disp_width(row[i]) : 2);
            bput(b, row[i]);
        }
        bputc(b, '\n');
    } else {
        emit_row(R, b, row, n);
    }
}

/* ---- the whole report ------------------------------------------------------------------------- */

static void title(const report *R, buf *b, uint64_t *s)
{
    switch (R->layout) {
    case L_TAB:
        bput(b, "\n\n");
        if (pm(s, 400))
            bprintf(b, "%s\n\n%d 年政府信息公开工作年度报告\n\n", R->body, R->year);      /* seed 002 */
        else
            bprintf(b, "%s %d 年政府信息公开工作年度报告\n\n", R->body, R->year);         /* seed 000 */
        break;
    case L_BLOCK:
        bprintf(b, "\n%s\n%d年政府信息公开工作年度报告\n　  \n", R->body, R->year);          /* seed 001 */
        bput(b, "依据《中华人民共和国政府信息公开条例》(以下简称《政府信息公开条例》)第五十条规定，编制本报告。\n");
        break;
    case L_MD:
        if (pm(s, 500))
            bprintf(b, "# %s %d 年政府信息公开工作年度报\n\n告\n\n", R->body, R->year);       /* seed 003 */
        else
            bprintf(b, "# %s %d 年政府信息公开工作年度报告\n\n", R->body, R->year);
        break;
    case L_HTML:
        bprintf(b, "%s%d年政府信息公开工作年度报告\n\n", R->body, R->year);               /* seed 005 */
        break;
    case L_PIPES:
        bprintf(b, "# %s%d年政府信息公开工作年度报告\n\n", R->body, R->year);
        break;
    case L_SPACES:
        bprintf(b, "%s%d年政府信息公开工作年度报告\n\n", R->body, R->year);
        break;
    default:
        break;
    }
}

static void write_report(report *R, buf *b, uint64_t *s)
{
    title(R, b, s);
    if (R->layout != L_BLOCK && pm(s, 500))
        paragraph(R, b, "为深入贯彻落实党中央、国务院关于全面推进政务公开工作的系列部署，进一步加强政府信息公开工作，根据《中华人民共和国政府信息公开条例》规定要求，编制本报告。本报告中所列数据的统计期限自1月1日起至12月31日止。");
    heading(R, b, 0);
    section_one(R, b, s);
    heading(R, b, 1);
    emit_t2(R, b);
    bputc(b, '\n');
    heading(R, b, 2);
    emit_t3(R, b, s);
    bputc(b, '\n');
    heading(R, b, 3);
    emit_t4(R, b, s);
    bputc(b, '\n');
    heading(R, b, 4);
    if (R->layout == L_TAB && pm(s, 250)) {
        /* seed 002: a page break in the middle of a sentence */
        buf t = {0};
        subst(&t, R, PICK(s, PROB_P));
        size_t cut = t.n * (30 + rn(s, 40)) / 100;
        while (cut < t.n && ((unsigned char)t.p[cut] & 0xC0) == 0x80)
            cut++;
        bputn(b, t.p, cut);
        bput(b, "\n\n");
        bputn(b, t.p + cut, t.n - cut);
        bput(b, "\n\n");
        free(t.p);
    } else {
        paragraph(R, b, PICK(s, PROB_P));
    }
    paragraph(R, b, PICK(s, IMPR_P));
    heading(R, b, 5);
    para_start(R, b);
    subst(b, R, PICK(s, FEE_P));
    if (pm(s, 400))
        subst(b, R, "本报告电子版可在{C}人民政府门户网站下载。");
    bputc(b, '\n');
}

/* ---- expectations --------------------------------------------------------------------------- */

static void write_expect(const report *R, buf *e, const char *name, uint64_t seed, long idx)
{
    static const char *const ENC[] = {"UTF-8", "UTF-8 with BOM", "GB18030", "UTF-16LE with BOM"};
    bprintf(e, "# %s — gencorpus --seed %llu, report %ld (synthetic, fictitious body).\n", name,
            (unsigned long long)seed, idx);
    bprintf(e, "# Layout %s, %s%s, %s format.\n", LAYOUT_NAME[R->layout], ENC[R->enc], R->crlf ? ", CRLF" : "",
            R->fmt == FMT_2021 ? "2021" : "2019");
    bprintf(e, "# Injected: %s%s%s\n", R->inj == INJ_NONE ? "nothing" : INJ_NAME[R->inj], R->note[0] ? " — " : "", R->note);
    if (R->label_typo)
        bprintf(e, "# Label typo: %s (STRUCT.LABEL_VARIANT)\n", R->label_typo == 1 ? "（七）总记" : "本年度止件数");
    bprintf(e, "format %s\nbody %s\nyear %d\n", R->fmt == FMT_2021 ? "2021" : "2019", R->body, R->year);
    int fires[NRULES] = {0};
    for (int i = 0; i < R->ncell; i++) {
        const cell *c = &R->c[i];
        char v[64];
        expect_value(c, v, sizeof v);
        const char *st = "extracted";
        if (c->lost)
            st = c->v == 0 ? "blank" : "inferred";
        bput(e, "cell ");
        bput(e, c->id);
        bputc(e, ' ');
        bput(e, v);
        bputc(e, ' ');
        bput(e, st);
        bputc(e, '\n');
    }
    for (int i = 0; i < R->ncell; i++) {
        if (!R->c[i].lost)
            continue;
        int inferred = R->c[i].v != 0;
        bprintf(e, "finding %s %s\n", inferred ? "CELL.INFERRED" : "CELL.BLANK", R->c[i].id);
        fires[inferred ? 9 : 8] = 1;
    }
    for (int q = 0; q < R->neq; q++) {
        const equation *eq = &R->eq[q];
        if (eq_residual(R, eq) == 0)
            continue;
        bprintf(e, "finding %s %s %s\n", eq->rule, R->c[eq->name[0]].id, R->c[eq->name[1]].id);
        for (int k = 0; k < NRULES; k++)
            if (!strcmp(RULES[k], eq->rule))
                fires[k] = 1;
    }
    if (R->mismatch >= 0) {
        static const char *const what[] = {"t3.new.total", "t3.carried_in.total", "t3.granted.total",
                                           "t3.carried_out.total", "t4.review.total"};
        bprintf(e, "finding TEXT.MISMATCH %s\n", what[R->mismatch]);
        fires[10] = 1;
    }
    if (R->label_typo) {
        bput(e, "finding STRUCT.LABEL_VARIANT -\n");
        fires[13] = 1;
    }
    int errors = 0;
    for (int k = 0; k < NRULES; k++) {
        if (!fires[k])
            bprintf(e, "nofinding %s\n", RULES[k]);
        else if (RULE_IS_ERROR[k])
            errors = 1;
    }
    if (!errors)
        bput(e, "noerrors\n");
}

/* ---- encodings ------------------------------------------------------------------------------- */

static iconv_t to_gb = (iconv_t)-1;

static void encode(const report *R, const buf *in, buf *out)
{
    buf t = {0};
    const buf *src = in;
    if (R->crlf) {
        bgrow(&t, in->n * 2);
        const char *p = in->p, *end = in->p + in->n;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
            bputn(&t, p, len);
            if (!nl)
                break;
            bputn(&t, "\r\n", 2);
            p = nl + 1;
        }
        src = &t;
    }
    out->n = 0;
    switch (R->enc) {
    case 1:
        bput(out, "\xef\xbb\xbf");
        /* fall through */
    case 0:
        bputn(out, src->p, src->n);
        break;
    case 2: {
        if (to_gb == (iconv_t)-1) {
            to_gb = iconv_open("GB18030", "UTF-8");
            if (to_gb == (iconv_t)-1)
                die("iconv cannot convert to GB18030");
        }
        iconv(to_gb, NULL, NULL, NULL, NULL);
        bgrow(out, src->n * 2 + 16);
        char *ip = src->p, *op = out->p;
        size_t il = src->n, ol = out->cap - 1;
        if (iconv(to_gb, &ip, &il, &op, &ol) == (size_t)-1)
            die("GB18030 conversion failed");
        out->n = (size_t)(op - out->p);
        out->p[out->n] = '\0';
        break;
    }
    case 3: {
        bput(out, "\xff\xfe");
        const unsigned char *p = (const unsigned char *)src->p, *end = p + src->n;
        while (p < end) {
            unsigned cp;
            if (*p < 0x80)
                cp = *p++;
            else if ((*p & 0xE0) == 0xC0)
                cp = (unsigned)(*p & 0x1F) << 6 | (p[1] & 0x3F), p += 2;
            else if ((*p & 0xF0) == 0xE0)
                cp = (unsigned)(*p & 0x0F) << 12 | (unsigned)(p[1] & 0x3F) << 6 | (p[2] & 0x3F), p += 3;
            else
                die("UTF-16: code point outside the BMP");
            char u[2] = {(char)(cp & 0xFF), (char)(cp >> 8)};
            bputn(out, u, 2);
        }
        break;
    }
    default:
        break;
    }
    free(t.p);
}

/* ---- one report ------------------------------------------------------------------------------- */

static void generate(uint64_t seed, long idx, buf *text, buf *expect, char *name, size_t namelen, int want_expect,
                     int year_before)
{
    static report R;
    memset(&R, 0, sizeof R);
    arena_used = 0;
    uint64_t st = seed ^ (0xD1B54A32D192ED03ull * (uint64_t)(idx + 1));
    next64(&st);
    uint64_t *s = &st;

    R.fmt = pm(s, 100) ? FMT_2019 : FMT_2021;
    R.year = (R.fmt == FMT_2021 ? 2023 : 2020) - year_before;
    unsigned lay = rn(s, 100);
    R.layout = lay < 30 ? L_TAB : lay < 45 ? L_BLOCK : lay < 60 ? L_MD : lay < 75 ? L_HTML : lay < 87 ? L_PIPES : L_SPACES;
    unsigned enc = rn(s, 100);
    R.enc = enc < 10 ? 2 : enc < 15 ? 3 : R.layout == L_HTML ? 1 : 0;
    R.crlf = R.layout == L_HTML || pm(s, 100);
    R.ascii_punct = R.layout == L_TAB || R.layout == L_MD ? (int)pm(s, 700) : R.layout == L_BLOCK ? (int)pm(s, 300) : 0;
    R.t2 = R.fmt == FMT_2021 ? T2_2021 : T2_2019;
    R.nt2rows = R.fmt == FMT_2021 ? (int)(sizeof T2_2021 / sizeof T2_2021[0]) : (int)(sizeof T2_2019 / sizeof T2_2019[0]);
    R.t3 = R.fmt == FMT_2021 ? T3_2021 : T3_2019;
    R.nt3 = R.fmt == FMT_2021 ? 25 : 23;
    build_cells(&R);
    build_equations(&R);
    make_body(&R, s);

    gen_t2(&R, s);
    gen_t3(&R, s);
    gen_t4(&R, s);

    unsigned inj = rn(s, 1000);
    R.inj = inj < 800 ? INJ_NONE : inj < 835 ? INJ_ROW_TOTAL : inj < 870 ? INJ_BALANCE : inj < 900 ? INJ_T4
          : inj < 935 ? INJ_TEXT : inj < 965 ? INJ_BLANK : INJ_INFERRED;
    inject(&R, s);
    if (!solve_lost(&R)) {
        fprintf(stderr, "gencorpus: report %ld: a lost cell is not fixed by the equations\n", idx);
        exit(3);
    }
    /* quirks of the seeds that the template flags */
    if (R.layout == L_MD && R.fmt == FMT_2021 && pm(s, 250))
        R.label_typo = 1;
    else if (R.layout == L_TAB && R.fmt == FMT_2021 && pm(s, 60))
        R.label_typo = 2;
    /* presentation of the numbers */
    int fw = pm(s, R.layout == L_SPACES ? 400 : 120);
    for (int i = 0; i < R.ncell; i++) {
        cell *c = &R.c[i];
        if (fw && c->kind == 'c' && pm(s, 30))
            c->fw = 1;
        if (R.layout == L_BLOCK && pm(s, 60))
            c->stray = (char)(1 + rn(s, 2));
    }
    plan_statements(&R, s);
    R.dup_heading = R.layout == L_MD && pm(s, 300);

    buf raw = {0};
    write_report(&R, &raw, s);
    encode(&R, &raw, text);
    free(raw.p);

    static const char *const ENC_TAG[] = {"u8", "u8bom", "gb18030", "u16le"};
    snprintf(name, namelen, "%c%06ld_%s_%s%s_%s%s.%s", year_before ? 'p' : 'g', idx, LAYOUT_NAME[R.layout], ENC_TAG[R.enc], R.crlf ? "-crlf" : "",
             R.fmt == FMT_2019 ? "f2019_" : "", INJ_NAME[R.inj],
             R.layout == L_MD || R.layout == L_PIPES ? "md" : "txt");
    expect->n = 0;
    if (want_expect)
        write_expect(&R, expect, name, seed, idx);
}

/* ---- main ------------------------------------------------------------------------------------- */

static void mkdir_p(const char *path)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (char *p = tmp + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            if (mkdir(tmp, 0777) && errno != EEXIST) {
                perror(tmp);
                exit(2);
            }
            *p = '/';
        }
    }
    if (mkdir(tmp, 0777) && errno != EEXIST) {
        perror(tmp);
        exit(2);
    }
}

static void write_file(const char *path, const char *data, size_t n)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        perror(path);
        exit(2);
    }
    while (n) {
        ssize_t w = write(fd, data, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            perror(path);
            exit(2);
        }
        data += w;
        n -= (size_t)w;
    }
    if (close(fd)) {
        perror(path);
        exit(2);
    }
}

static void usage(void)
{
    fputs("usage: gencorpus --seed S --count N --out DIR [--first K] [--per-dir M] [--no-expect] [--quiet] [--pairs]\n"
          "       (--pairs needs --no-expect)\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    unsigned long long seed = 0;
    long count = -1, first = 0, per_dir = 0;
    const char *out = NULL;
    int want_expect = 1, quiet = 0, have_seed = 0, pairs = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--seed") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 0), have_seed = 1;
        else if (!strcmp(a, "--count") && i + 1 < argc)
            count = atol(argv[++i]);
        else if (!strcmp(a, "--first") && i + 1 < argc)
            first = atol(argv[++i]);
        else if (!strcmp(a, "--per-dir") && i + 1 < argc)
            per_dir = atol(argv[++i]);
        else if (!strcmp(a, "--out") && i + 1 < argc)
            out = argv[++i];
        else if (!strcmp(a, "--no-expect"))
            want_expect = 0;
        else if (!strcmp(a, "--quiet"))
            quiet = 1;
        else if (!strcmp(a, "--pairs"))
            pairs = 1;
        else
            usage();
    }
    if (!have_seed || count < 0 || !out || first < 0 || per_dir < 0 || (pairs && want_expect))
        usage();
    mkdir_p(out);
    buf text = {0}, expect = {0};
    char name[256], path[4096], dir[4096];
    long bytes = 0, last_sub = -1;
    for (long n = first * (pairs + 1); n < (first + count) * (pairs + 1); n++) {
        long i = n / (pairs + 1);
        generate(seed, i, &text, &expect, name, sizeof name, want_expect, (int)(n % (pairs + 1)));
        if (per_dir) {
            long sub = i / per_dir;
            snprintf(dir, sizeof dir, "%s/%03ld", out, sub);
            if (sub != last_sub) {
                mkdir_p(dir);
                last_sub = sub;
            }
        } else {
            snprintf(dir, sizeof dir, "%s", out);
        }
        if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path)
            die("path too long");
        write_file(path, text.p, text.n);
        bytes += (long)text.n;
        if (want_expect) {
            if (snprintf(path, sizeof path, "%s/%s.expect", dir, name) >= (int)sizeof path)
                die("path too long");
            write_file(path, expect.p, expect.n);
        }
    }
    if (to_gb != (iconv_t)-1)
        iconv_close(to_gb);
    free(text.p);
    free(expect.p);
    if (!quiet)
        fprintf(stderr, "gencorpus: %ld reports, %ld bytes in %s\n", count * (pairs + 1), bytes, out);
    return 0;
}
