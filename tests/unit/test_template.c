/* test_template.c — the template as data: cell ids, patterns, equations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "extract.h"
#include "re.h"
#include "template.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_cell_counts(void **state)
{
    (void)state;
    const gk_template *a = template_get(GK_FMT_2021), *b = template_get(GK_FMT_2019);
    /* 2021: t2 3+3+1+1+1+1, t3 25x7, t4 15 */
    assert_int_equal(a->ncells, 10 + 175 + 15);
    /* 2019: t2 3+3+3+3+3+3+2+2, t3 23x7, t4 15 */
    assert_int_equal(b->ncells, 22 + 161 + 15);
    assert_true(template_cell_index(a, "t3.new.natural") >= 0);
    assert_true(template_cell_index(a, "t3.other.no_fee.total") >= 0);
    assert_int_equal(template_cell_index(a, "t3.other.total.total"), -1);
    assert_true(template_cell_index(b, "t3.other.total.total") >= 0);
    assert_true(template_cell_index(b, "t2.procurement.amount") >= 0);
    assert_true(template_cell_index(a, "t4.suit_after_review.pending") >= 0);
    assert_true(template_cell_index(a, "t2.fee.amount") >= 0);
    int i = template_cell_index(a, "t3.new.natural");
    assert_string_equal(a->cells[i].label, "本年新收·自然人");
    /* extract.c keeps what a label tells of each row in one 64-bit word:
     * two bits a row and one more (row_facts) */
    for (int f = GK_FMT_2021; f <= GK_FMT_2019; f++)
        for (int ti = 2; ti <= 4; ti++)
            assert_true(template_table(template_get((gk_format)f), ti)->nrows <= 31);
}

static void test_patterns_compile_and_match_own_label(void **state)
{
    (void)state;
    for (int f = GK_FMT_2021; f <= GK_FMT_2019; f++) {
        const gk_template *t = template_get((gk_format)f);
        for (int ti = 2; ti <= 3; ti++) {
            const gk_table_def *td = template_table(t, ti);
            for (int r = 0; r < td->nrows; r++) {
                assert_int_equal(re_check(td->rows[r].pattern), 0);
                char *n = text_normalise(td->rows[r].label, strlen(td->rows[r].label));
                char *sq = extract_squeeze(n);
                /* a row's own label matches its pattern and no earlier row's */
                assert_true(re_test(td->rows[r].pattern, sq));
                for (int q = 0; q < r; q++)
                    if (re_test(td->rows[q].pattern, sq))
                        fail_msg("label of %s also matches earlier row %s", td->rows[r].key, td->rows[q].key);
                free(sq);
                free(n);
            }
        }
    }
}

static void test_variants_and_numbering(void **state)
{
    (void)state;
    const gk_template *t = template_get(GK_FMT_2021);
    const gk_table_def *t3 = template_table(t, 3);
    struct {
        const char *label, *key;
    } cases[] = {
        {"(七)总记", "handled_total"},
        {"3.其他", "other.other"},
        {"(六)其他处理3.其他", "other.other"},
        {"年度办(五)不予处理1.信访举报投诉类申请", "reject.complaint"},
        {"三、本年度办理结果(一)予以公开", "granted"},
        {"4.保护第三方合法权益", "deny.third_party"},
        {"危及\"三安全一稳定\"", "deny.safety"},
        {"四、结转下年度继续办理", "carried_out"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        int hit = -1;
        for (int r = 0; r < t3->nrows && hit < 0; r++)
            if (re_test(t3->rows[r].pattern, cases[c].label))
                hit = r;
        assert_true(hit >= 0);
        assert_string_equal(t3->rows[hit].key, cases[c].key);
    }
    /* header rows must not look like data rows */
    assert_false(re_test(t3->rows[22].pattern, "商业企业科研机构社会公益组织法律服务机构其他"));
}

static void test_equations(void **state)
{
    (void)state;
    const gk_template *t = template_get(GK_FMT_2021);
    int balance = 0, row_total = 0, handled = 0, t4 = 0;
    for (int i = 0; i < t->neqs; i++) {
        if (!strcmp(t->eqs[i].rule, "T3.BALANCE")) {
            balance++;
            assert_int_equal(t->eqs[i].n, 4);
        } else if (!strcmp(t->eqs[i].rule, "T3.ROW_TOTAL")) {
            row_total++;
            assert_int_equal(t->eqs[i].n, 7);
        } else if (!strcmp(t->eqs[i].rule, "T3.HANDLED_SUM")) {
            handled++;
            assert_int_equal(t->eqs[i].n, 1 + 21);
        } else if (!strcmp(t->eqs[i].rule, "T4.GROUP_TOTAL")) {
            t4++;
            assert_int_equal(t->eqs[i].n, 5);
        }
    }
    assert_int_equal(balance, 7);
    assert_int_equal(row_total, 25);
    assert_int_equal(handled, 7);
    assert_int_equal(t4, 3);
    const gk_template *o = template_get(GK_FMT_2019);
    for (int i = 0; i < o->neqs; i++)
        if (!strcmp(o->eqs[i].rule, "T3.HANDLED_SUM"))
            assert_int_equal(o->eqs[i].n, 1 + 19);
}

static void test_rule_table(void **state)
{
    (void)state;
    int n;
    const gk_rule_def *r = template_rules(&n);
    assert_int_equal(n, 25);
    assert_int_equal(template_rule("T3.BALANCE")->severity, GK_SEV_ERROR);
    assert_int_equal(template_rule("CELL.BLANK")->severity, GK_SEV_WARNING);
    assert_int_equal(template_rule("STRUCT.ROW_MISSING")->severity, GK_SEV_ERROR);
    assert_null(template_rule("NO.SUCH"));
    (void)r;
}

/* The reference for extract_squeeze()'s synonyms: 其它 becomes 其他, 合计
 * 总计, byte by byte as first written. */
static void synonyms_bytewise(char *s, size_t n)
{
    for (size_t i = 3; n >= 6 && i + 2 < n; i++) {
        if ((unsigned char)s[i + 1] != 0xAE)
            continue;
        if (!memcmp(s + i, "它", 3) && !memcmp(s + i - 3, "其", 3))
            memcpy(s + i, "他", 3);
        else if (!memcmp(s + i, "计", 3) && !memcmp(s + i - 3, "合", 3))
            memcpy(s + i - 3, "总", 3);
    }
}

/* extract_squeeze() (sixteen bytes at a time with SSE2, then eight, where
 * they hold no blank; a run of blanks skipped at once; the synonyms' AE
 * bytes found sixteen at a time) drops exactly the spaces and tabs a
 * byte-by-byte copy drops, wherever they fall, and rewrites the synonyms
 * a byte loop rewrites: random strings of every length up to 120 over a
 * few ASCII and UTF-8 pieces (其它它, 其合计 and the like among them). */
/* template_rule() (a hash, then strcmp) finds what strcmp() down the
 * table finds: every id (as a copy, not the table's pointer), and seeded
 * variants of each — cut, lengthened, one byte changed, lower case — and
 * strings that are no id. */
static const gk_rule_def *rule_by_scan(const char *id)
{
    int n;
    const gk_rule_def *all = template_rules(&n);
    for (int i = 0; i < n; i++)
        if (!strcmp(all[i].id, id))
            return &all[i];
    return NULL;
}

static void test_rule_lookup(void **state)
{
    (void)state;
    int n;
    const gk_rule_def *all = template_rules(&n);
    unsigned seed = 5;
    int found = 0;
    for (int i = 0; i < n; i++) {
        char id[64];
        snprintf(id, sizeof id, "%s", all[i].id);
        assert_ptr_equal(template_rule(id), &all[i]);
        for (int v = 0; v < 200; v++) {
            snprintf(id, sizeof id, "%s", all[i].id);
            size_t len = strlen(id);
            unsigned x = (seed = seed * 1103515245u + 12345u) >> 16;
            switch (v % 4) {
            case 0: id[x % len] = '\0'; break;
            case 1: snprintf(id + len, sizeof id - len, "%c", 'A' + (int)(x % 26)); break;
            case 2: id[x % len] = (char)('.' + x / 7 % 45); break;
            default: id[x % len] = (char)(id[x % len] | 0x20); break;
            }
            const gk_rule_def *want = rule_by_scan(id);
            assert_ptr_equal(template_rule(id), want);
            found += want != NULL;
        }
    }
    static const char *const NONE[] = {"", ".", "T", "CELL", "CELL.", "cell.missing", "XYEAR.COPIED ", "T3.BALANCE\n"};
    for (size_t k = 0; k < sizeof NONE / sizeof NONE[0]; k++)
        assert_null(template_rule(NONE[k]));
    assert_true(found >= n);           /* the unchanged ones among the variants, at least */
}

static void test_squeeze_matches_bytewise(void **state)
{
    (void)state;
    srand(7);
    const char *pieces[] = {" ", "\t", "a", "(", "一", "公开", "  ", "\xE3\x80\x80",
                            "其", "它", "合", "计", "其它", "合计", "   \t  ", "实"};
    const int npieces = (int)(sizeof pieces / sizeof *pieces);
    for (int round = 0; round < 40000; round++) {
        char s[256], want[256];
        size_t n = 0, w = 0, limit = (size_t)(round % 121);
        while (n < limit) {
            const char *p = pieces[rand() % (round & 1 ? 8 : npieces)];
            size_t pl = strlen(p);
            if (n + pl > limit)
                break;
            memcpy(s + n, p, pl);
            n += pl;
        }
        s[n] = '\0';
        for (size_t i = 0; i < n; i++)
            if (s[i] != ' ' && s[i] != '\t')
                want[w++] = s[i];
        want[w] = '\0';
        synonyms_bytewise(want, w);
        char *got = extract_squeeze(s);
        if (strcmp(got, want))
            fail_msg("round %d: 「%s」 squeezed to 「%s」, not 「%s」", round, s, got, want);
        free(got);
    }
}

/* Every alternative of a format-detection pattern holds one of the
 * characters its NEED list names (detection passes over lines with none). */
static void check_need(const char *pattern, const char *const *need)
{
    char *copy = strdup(pattern), *save = NULL;
    int alternatives = 0;
    for (char *alt = strtok_r(copy, "|", &save); alt; alt = strtok_r(NULL, "|", &save)) {
        int any = 0;
        for (int k = 0; need[k]; k++)
            any |= strstr(alt, need[k]) != NULL;
        if (!any)
            fail_msg("「%s」 holds none of the characters detection looks for", alt);
        alternatives++;
    }
    assert_true(alternatives >= 5);
    free(copy);
}

static void test_detect_needs(void **state)
{
    (void)state;
    check_need(GK_DETECT_2021, GK_DETECT_2021_NEED);
    check_need(GK_DETECT_2019, GK_DETECT_2019_NEED);
}

/* The narrative counts' need words (gk_narr_count.need, pattern_need):
 * find_stated() searches a line with a pattern only when the line (after a
 * match, the rest of it) holds one of them, so every match must hold one of
 * the count's and one of the pattern's own.  Each character of a listed
 * word is in its pattern's text; and on seeded random lines made of the patterns' pieces
 * (numbers, units, punctuation, the words themselves, parts of them) every
 * match of every pattern, at every offset find_stated() searches from,
 * holds them; and a search from where find_stated() starts one
 * (extract_stated_from()) to where it ends one (extract_stated_to()) finds
 * what one from the offset to the line's end finds; a pattern said to end
 * with a need word (need_last) does, in every match. */
static int span_holds(const char *s, re_span g, const char *const *word)
{
    for (int w = 0; word[w]; w++) {
        size_t wl = strlen(word[w]);
        for (size_t i = g.start; i + wl <= g.end; i++)
            if (!memcmp(s + i, word[w], wl))
                return 1;
    }
    return 0;
}

/* 1 when the span s[g) ends with one of the words. */
static int ends_with(const char *s, re_span g, const char *const *word)
{
    for (int w = 0; word[w]; w++) {
        size_t wl = strlen(word[w]);
        if (g.end - g.start >= wl && !memcmp(s + g.end - wl, word[w], wl))
            return 1;
    }
    return 0;
}

/* From every offset of s[0..n): a search for pattern p of count c from
 * where find_stated() starts one finds what a search from the offset
 * finds.  Returns how many offsets of a number-first pattern found a match. */
static int same_from_start(const gk_narr_count *c, int p, const char *s, size_t n)
{
    int firsts = 0;
    for (size_t from = 0; from <= n; from++) {
        re_span a[2], b[2];
        int hit = re_find(c->patterns[p], s, n, from, a, 2);
        size_t at = extract_stated_from(c, p, s, n, from);
        assert_true(at >= from);
        size_t to = extract_stated_to(c, p, s, n, at);
        assert_true(to <= n);
        int got = at <= n && re_find(c->patterns[p], s, to, at, b, 2);
        if (hit != got || (hit && (a[0].start != b[0].start || a[0].end != b[0].end || a[1].start != b[1].start ||
                                   a[1].end != b[1].end)))
            fail_msg("count %s pattern %d on 「%s」 from %zu: searched [%zu, %zu), %s", c->key, p, s, from, at, to,
                     hit ? (got ? "another match" : "no match") : "a match");
        firsts += c->number_first[p] && hit;
    }
    return firsts;
}

static void test_narr_needs(void **state)
{
    (void)state;
    int nk;
    const gk_narr_count *K = template_narr_counts(&nk);
    for (int k = 0; k < nk; k++) {
        assert_non_null(K[k].need[0]);
        for (int p = 0; p < GK_NARR_PATTERNS && K[k].patterns[p]; p++)
            for (int w = 0; K[k].pattern_need[p][w]; w++) {
                const char *word = K[k].pattern_need[p][w];
                for (size_t i = 0; word[i];) {   /* each of its characters: "未收到" is "(?:未|没有)(?:收到|…)" */
                    size_t cl = 1;
                    while ((word[i + cl] & 0xC0) == 0x80)
                        cl++;
                    char ch[8] = {0};
                    memcpy(ch, word + i, cl < sizeof ch ? cl : sizeof ch - 1);
                    if (!strstr(K[k].patterns[p], ch))
                        fail_msg("count %s pattern %d: need word 「%s」 is not in it", K[k].key, p, word);
                    i += cl;
                }
            }
    }
    static const char *const pieces[] = {
        "收到", "受理", "新收", "协助", "代为", "政府信息公开", "依申请公开", "信息公开", "信息", "公开", "申请",
        "的", "了", "共", "共计", "合计", "为", "计", "未", "没有", "未发生", "无", "上", "一", "年", "度", "上年",
        "结转", "至", "到", "下", "下年", "下一年", "继续", "办理", "办结", "按时", "予以", "不", "部分", "不予",
        "以", "行政复议", "行政诉讼", "行政", "复议", "诉讼", "案件", "和", "、", "及", "与", "各", "均", "中",
        "被", "依法", "纠错", "纠正", "结果", "纠", "主动公开", "发布", "其中", "另有", "第", "增", "0", "3",
        "12", "1,200", "两", "十", "零", "件", "宗", "条", "个", " ", ",", "。", ";", ":", "\xe3\x80\x87"};
    const int npieces = (int)(sizeof pieces / sizeof pieces[0]);
    srand(16);
    char s[512];
    int matches = 0, firsts = 0;
    for (int round = 0; round < 20000; round++) {
        size_t n = 0;
        int want = 1 + rand() % 24;
        for (int i = 0; i < want; i++) {
            /* a third of the picks a number and its unit: the patterns' usual end */
            static const char *const counted[] = {"3件", "12件", "0件", "两件", "1,200件", "十宗", "0 条", "一个"};
            /* every other line: the pieces of a number before 结转…下年, with the
             * gaps between as long as they may be and longer */
            static const char *const carried[] = {"3", "12", " ", "1,200", "两", "十", "件", "项", "结转", "至",
                                                  "下年", "下一年", "度", "继续处理的", "申请", "各一", "。", "第"};
            const char *q = round % 2 ? carried[rand() % 18]
                            : rand() % 3 ? pieces[rand() % npieces] : counted[rand() % 8];
            size_t ql = strlen(q);
            if (n + ql >= sizeof s)
                break;
            memcpy(s + n, q, ql);
            n += ql;
        }
        s[n] = '\0';
        for (int k = 0; k < nk; k++)
            for (int p = 0; p < GK_NARR_PATTERNS && K[k].patterns[p]; p++) {
                re_span g[2];
                size_t off = 0;
                while (off < n && re_find(K[k].patterns[p], s, n, off, g, 2)) {
                    matches++;
                    if (!span_holds(s, g[0], K[k].need))
                        fail_msg("count %s pattern %d: match 「%.*s」 holds none of the count's need words",
                                 K[k].key, p, (int)(g[0].end - g[0].start), s + g[0].start);
                    if (K[k].pattern_need[p][0] && !span_holds(s, g[0], K[k].pattern_need[p]))
                        fail_msg("count %s pattern %d: match 「%.*s」 holds none of its need words", K[k].key, p,
                                 (int)(g[0].end - g[0].start), s + g[0].start);
                    if (K[k].need_last[p] && !ends_with(s, g[0], K[k].pattern_need[p][0] ? K[k].pattern_need[p] : K[k].need))
                        fail_msg("count %s pattern %d: match 「%.*s」 does not end with a need word", K[k].key, p,
                                 (int)(g[0].end - g[0].start), s + g[0].start);
                    off = g[0].end > off ? g[0].end : off + 1;
                }
                firsts += same_from_start(&K[k], p, s, n);
            }
    }
    /* the longest lead a number-first pattern allows, and longer */
    static const char *const hostile[] = {"共3件继续处理的申请度结转至下一年", "1,200 件继续处理的申请度结转下年度",
                                          "两件继续处理的申请度的结转到下一年", "十二件。继续处理的申请度结转至下年",
                                          "3件继续处理的申请结转至下一年度 12件结转下年",
                                          /* both counts at once: 各 or 均 after either noun */
                                          "行政复议和行政诉讼案件各0件", "行政复议案件、行政诉讼均为2件",
                                          "行政复议与行政诉讼案件均 3件", "行政复议及行政诉讼各十二起"};
    for (size_t h = 0; h < sizeof hostile / sizeof hostile[0]; h++)
        for (int k = 0; k < nk; k++)
            for (int p = 0; p < GK_NARR_PATTERNS && K[k].patterns[p]; p++)
                firsts += same_from_start(&K[k], p, hostile[h], strlen(hostile[h]));
    if (firsts < 1000)                 /* the patterns that begin with a number match too */
        fail_msg("only %d matches of number-first patterns", firsts);
    if (matches < 1000)                /* the lines do match, often */
        fail_msg("only %d matches", matches);
}

/* ==== the schema (issue 20): every name the template gives resolves ========== */

static void expect_walk_clean(const gk_template *t)
{
    char *why = NULL;
    int n = template_walk(t, &why);
    if (n)
        fail_msg("%s format: %d problems:\n%s", t->name, n, why);
    free(why);
}

/* Both formats: every cell id the equations, rules, cell sets and shapes
 * name exists; every rule has cells or is a text/structure rule; every
 * label pattern matches one of its row's labels; every heading pattern its
 * heading. */
static void test_schema_walk(void **state)
{
    (void)state;
    expect_walk_clean(template_get(GK_FMT_2021));
    expect_walk_clean(template_get(GK_FMT_2019));
    /* the derived sets: T2.VALID_GE only where table 2 has issued/repealed/valid */
    const gk_cellset *v = template_cellset(template_get(GK_FMT_2021), "T2.VALID_GE");
    assert_non_null(v);
    assert_int_equal(v->nrows, 2);
    assert_int_equal(v->ncols, 3);
    assert_string_equal(template_get(GK_FMT_2021)->cells[v->cell[1][GK_VALID_VALID]].id, "t2.normative.valid");
    assert_null(template_cellset(template_get(GK_FMT_2019), "T2.VALID_GE"));
    for (int f = GK_FMT_2021; f <= GK_FMT_2019; f++) {
        const gk_template *t = template_get((gk_format)f);
        const gk_cellset *c = template_cellset(t, "XYEAR.CARRY");
        assert_int_equal(c->nrows, 2);
        assert_int_equal(c->ncols, 7);
        assert_string_equal(t->cells[c->cell[GK_CARRY_OUT][6]].id, "t3.carried_out.total");
        assert_int_equal(template_cellset(t, "XYEAR.JUMP")->nrows, 8);
        /* each table: a shape, and table 4 may come as one row of its 15 cells */
        for (int ti = 0; ti < GK_NTABLES; ti++)
            assert_non_null(template_table_shape(t->tables[ti].number));
        assert_int_equal(template_table_ncells(t, 4), 15);
        assert_true(template_table_shape(4)->one_line);
    }
}

/* The conversions of a printf format, one letter each ("%.1f" -> 'f'). */
static void conversions(const char *fmt, char *out, size_t size)
{
    size_t n = 0;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        p++;
        if (*p == '%')
            continue;
        while (*p && strchr("0123456789.-+ #", *p))
            p++;
        if (n + 1 < size)
            out[n++] = *p;
    }
    out[n] = '\0';
}

/* Every message format takes the arguments its reader passes. */
static void test_schema_messages(void **state)
{
    (void)state;
    char got[32];
    int n;
    const gk_eq_def *eq = template_eq_defs(&n);
    for (int i = 0; i < n; i++) {
        conversions(eq[i].message, got, sizeof got);
        if (strcmp(got, "ssss"))
            fail_msg("%s: message takes %s, not ssss", eq[i].rule, got);
        conversions(eq[i].what, got, sizeof got);
        assert_string_equal(got, "s");
    }
    static const struct {
        const char *rule, *args[2];
    } want[] = {
        {"T2.VALID_GE", {"ssss", NULL}},
        {"XYEAR.CARRY", {"ssdss", "ssdss"}},
        {"XYEAR.VALID", {"sdsdssss", NULL}},
        {"XYEAR.JUMP", {"sdsdssfggs", NULL}},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const gk_cellset *c = template_cellset(template_get(GK_FMT_2021), want[i].rule);
        assert_non_null(c);
        for (int k = 0; k < 2; k++) {
            if (!want[i].args[k]) {
                assert_null(c->def->message[k]);
                continue;
            }
            conversions(c->def->message[k], got, sizeof got);
            if (strcmp(got, want[i].args[k]))
                fail_msg("%s: message %d takes %s, not %s", want[i].rule, k, got, want[i].args[k]);
        }
    }
}

/* A copy of template t (its definition, nothing derived). */
static void copy_template(gk_template *c, const gk_template *t)
{
    memset(c, 0, sizeof *c);
    c->format = t->format;
    c->name = t->name;
    memcpy(c->tables, t->tables, sizeof c->tables);
}

/* 1 when the schema names row `key` of table `table` in format t: a term
 * or anchor of an equation, a row of a cell set, a cell id of one, or a
 * cell a narrative count (TEXT.MISMATCH) is checked against. */
static int schema_names_row(const gk_template *t, int table, const char *key)
{
    int n;
    const gk_eq_def *eq = template_eq_defs(&n);
    for (int i = 0; i < n; i++) {
        if (eq[i].table != table || !eq[i].per_col)
            continue;                  /* per row: terms name columns */
        if (!strcmp(eq[i].anchor, key))
            return 1;
        for (int k = 0; k < GK_EQ_TERMS && eq[i].terms[k]; k++)
            if (!strcmp(eq[i].terms[k] + 1, key))
                return 1;
    }
    int nrules;
    const gk_rule_def *rules = template_rules(&nrules);
    char prefix[64];
    int plen = snprintf(prefix, sizeof prefix, "t%d.%s.", table, key);
    for (int i = 0; i < nrules; i++) {
        const gk_cellset *c = template_cellset(t, rules[i].id);
        if (!c)
            continue;
        for (int r = 0; r < GK_SET_ROWS && c->def->rows[r]; r++)
            if (c->def->table == table && !strcmp(c->def->rows[r], key))
                return 1;
        for (int r = 0; r < GK_SET_ROWS && c->def->ids[r]; r++)
            if (!strncmp(c->def->ids[r], prefix, (size_t)plen) && !strchr(c->def->ids[r] + plen, '.'))
                return 1;
    }
    int nk;
    const gk_narr_count *K = template_narr_counts(&nk);   /* TEXT.MISMATCH's cells */
    for (int s = 0; s < nk; s++) {
        const char *const *ids = template_narr_cells(&K[s], t->format);
        for (int k = 0; ids[k]; k++)
            if (!strncmp(ids[k], prefix, (size_t)plen) && !strchr(ids[k] + plen, '.'))
                return 1;
    }
    return 0;
}

/* Renaming a row key in a copy of the template: the derivation fails,
 * naming the key, exactly when the schema names that row (every row of
 * every table of both formats, in turn); the walk of a clean copy finds
 * nothing. */
static void test_renamed_row_key_fails(void **state)
{
    (void)state;
    int named = 0;
    for (int f = GK_FMT_2021; f <= GK_FMT_2019; f++) {
        const gk_template *t = template_get((gk_format)f);
        for (int ti = 0; ti < GK_NTABLES; ti++) {
            const gk_table_def *td = &t->tables[ti];
            for (int r = 0; r < td->nrows; r++) {
                gk_row_def rows[32];
                memcpy(rows, td->rows, (size_t)td->nrows * sizeof rows[0]);
                rows[r].key = "renamed_row";
                gk_template c;
                copy_template(&c, t);
                c.tables[ti].rows = rows;
                char *why = NULL;
                int problems = template_derive(&c, &why);
                int names = schema_names_row(t, td->number, td->rows[r].key);
                if (names && (!problems || !strstr(why, td->rows[r].key)))
                    fail_msg("%s: renaming t%d.%s went unnoticed", t->name, td->number, td->rows[r].key);
                if (!names && problems)
                    fail_msg("%s: renaming t%d.%s (named by nothing): %s", t->name, td->number, td->rows[r].key, why);
                if (!names)
                    expect_walk_clean(&c);
                named += names;
                free(why);
                template_release(&c);
            }
        }
    }
    assert_true(named >= 10);          /* new, carried_in, handled_total, carried_out, rule, normative, ... */
}

/* Renaming a column key the equations name (table 4's total), and a label
 * pattern that no longer matches its labels: both fail the walk. */
static void test_renamed_column_and_pattern_fail(void **state)
{
    (void)state;
    const gk_template *t = template_get(GK_FMT_2021);
    const gk_table_def *t4 = template_table(t, 4);
    gk_col_def cols[8];
    memcpy(cols, t4->rows[0].cols, (size_t)t4->rows[0].ncols * sizeof cols[0]);
    cols[t4->rows[0].ncols - 1].key = "sum";
    gk_row_def rows[8];
    memcpy(rows, t4->rows, (size_t)t4->nrows * sizeof rows[0]);
    for (int r = 0; r < t4->nrows; r++)
        rows[r].cols = cols;
    gk_template c;
    copy_template(&c, t);
    c.tables[2].rows = rows;
    char *why = NULL;
    assert_true(template_derive(&c, &why) > 0);
    assert_non_null(strstr(why, "T4.GROUP_TOTAL"));
    assert_non_null(strstr(why, "t4.review.total"));   /* and XYEAR.JUMP's cell */
    free(why);
    template_release(&c);

    /* a pattern that matches none of its row's labels */
    const gk_table_def *t3 = template_table(t, 3);
    gk_row_def rows3[32];
    memcpy(rows3, t3->rows, (size_t)t3->nrows * sizeof rows3[0]);
    rows3[5].pattern = "从未出现的词";
    copy_template(&c, t);
    c.tables[1].rows = rows3;
    assert_int_equal(template_derive(&c, NULL), 0);
    assert_int_equal(template_walk(&c, &why), 1);
    assert_non_null(strstr(why, rows3[5].key));
    free(why);
    template_release(&c);
}

/* Each section's heading, as the template words it, is found by its
 * patterns; narrative and extraction name sections by the same data. */
static void test_sections(void **state)
{
    (void)state;
    int n;
    const gk_section_def *s = template_sections(&n);
    assert_int_equal(n, GK_NSECTIONS);
    for (int k = 0; k < n; k++) {
        char *h = text_normalise(s[k].name, strlen(s[k].name));
        assert_true(re_test(s[k].pattern, h));
        /* and no other section's pattern takes it */
        for (int j = 0; j < n; j++)
            if (j != k && re_test(s[j].pattern, h))
                fail_msg("heading %s also matches section %s", s[k].name, s[j].numeral);
        for (int i = 0; i < GK_SEC_STARTS && s[k].starts[i]; i++)
            assert_true(strlen(s[k].starts[i]) >= 3);   /* extract.c keys a start on its first character */
        free(h);
    }
    assert_string_equal(template_table_shape(3)->name, "表三");
    assert_int_equal(template_table_shape(3)->section, GK_SEC_APPLY);
}

/* extract.c tries GK_TEXT.fee only on lines holding 费 and the period only on
 * lines holding 统计: every top-level alternative of each must hold its word. */
static int alternatives_lacking(const char *pat, const char *word)
{
    int lacking = 0;
    const char *p = pat;
    int depth = 0;
    const char *start = p;
    for (;; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            continue;
        }
        if (*p == '(' || *p == '[')
            depth++;
        else if ((*p == ')' || *p == ']') && depth)
            depth--;
        else if ((*p == '|' && !depth) || !*p) {
            char alt[256];
            size_t n = (size_t)(p - start) < sizeof alt - 1 ? (size_t)(p - start) : sizeof alt - 1;
            memcpy(alt, start, n);
            alt[n] = '\0';
            if (!strstr(alt, word)) {
                print_message("alternative \"%s\" of \"%s\" lacks \"%s\"\n", alt, pat, word);
                lacking++;
            }
            if (!*p)
                break;
            start = p + 1;
        }
    }
    return lacking;
}

static void test_text_prefilters(void **state)
{
    (void)state;
    assert_int_equal(alternatives_lacking(GK_TEXT.fee, "费"), 0);
    assert_int_equal(alternatives_lacking(GK_TEXT.period_start, "统计"), 0);
    /* narrative.c scans for GK_NARR_WORDS.wanting with its three word lists:
     * the pattern is exactly those lists */
    char built[512] = "(?:";
    for (int k = 0; GK_NARR_WORDS.wanting_pre[k]; k++)
        snprintf(built + strlen(built), sizeof built - strlen(built), "%s%s", k ? "|" : "", GK_NARR_WORDS.wanting_pre[k]);
    snprintf(built + strlen(built), sizeof built - strlen(built), ")(?:%s)?(?:", GK_NARR_WORDS.wanting_further);
    for (int k = 0; GK_NARR_WORDS.wanting_post[k]; k++)
        snprintf(built + strlen(built), sizeof built - strlen(built), "%s%s", k ? "|" : "", GK_NARR_WORDS.wanting_post[k]);
    snprintf(built + strlen(built), sizeof built - strlen(built), ")");
    assert_string_equal(built, GK_NARR_WORDS.wanting);
    /* and the check can fail: one alternative of three, a bracket's | not counted */
    assert_int_equal(alternatives_lacking("处理费|收取(款|项)|[费|x]用", "费"), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cell_counts),
        cmocka_unit_test(test_patterns_compile_and_match_own_label),
        cmocka_unit_test(test_variants_and_numbering),
        cmocka_unit_test(test_squeeze_matches_bytewise),
        cmocka_unit_test(test_equations),
        cmocka_unit_test(test_rule_table),
        cmocka_unit_test(test_rule_lookup),
        cmocka_unit_test(test_detect_needs),
        cmocka_unit_test(test_narr_needs),
        cmocka_unit_test(test_schema_walk),
        cmocka_unit_test(test_schema_messages),
        cmocka_unit_test(test_renamed_row_key_fails),
        cmocka_unit_test(test_text_prefilters),
        cmocka_unit_test(test_renamed_column_and_pattern_fail),
        cmocka_unit_test(test_sections),
    };
    return cmocka_run_group_tests_name("template", tests, NULL, NULL);
}
