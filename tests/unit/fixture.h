/* fixture.h — builds small, complete 2021-format reports in memory for the
 * unit tests: a tab grid like seed 000, every value 0 unless overridden. */
#ifndef GK_TEST_FIXTURE_H
#define GK_TEST_FIXTURE_H

#include "pipeline.h"
#include "report.h"
#include "template.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *id;      /* cell id */
    const char *text;    /* what the cell holds in the source ("" = empty cell) */
} fx_cell;

static inline const char *fx_value(const fx_cell *ov, const char *id)
{
    for (int i = 0; ov && ov[i].id; i++)
        if (strcmp(ov[i].id, id) == 0)
            return ov[i].text;
    return "0";
}

/* Returns a malloc'd report text; `narrative` goes into section 一 and
 * `section6` is section 六's text (NULL: the usual fee statement). */
static inline char *fx_report(const fx_cell *ov, const char *narrative, const char *section6)
{
    const gk_template *t = template_get(GK_FMT_2021);
    sbuf b;
    sbuf_init(&b);
    sbuf_adds(&b, "测试镇人民政府2023年政府信息公开工作年度报告\n\n一、总体情况\n\n");
    sbuf_adds(&b, narrative ? narrative : "2023年，本镇认真做好政府信息公开工作。");
    sbuf_adds(&b, "\n\n二、主动公开政府信息情况\n\n第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n");
    const gk_table_def *t2 = template_table(t, 2);
    char id[64];
    for (int r = 0; r < t2->nrows; r++) {
        sbuf_adds(&b, t2->rows[r].label);
        for (int c = 0; c < t2->rows[r].ncols; c++) {
            snprintf(id, sizeof id, "t2.%s.%s", t2->rows[r].key, t2->rows[r].cols[c].key);
            sbuf_printf(&b, "\t%s", fx_value(ov, id));
        }
        sbuf_adds(&b, "\n");
    }
    sbuf_adds(&b, "\n三、收到和处理政府信息公开申请情况\n\n"
                  "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t总计\n"
                  "\t\t自然人\t法人或其他组织\t\t\t\t\t\n"
                  "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n");
    const gk_table_def *t3 = template_table(t, 3);
    for (int r = 0; r < t3->nrows; r++) {
        sbuf_printf(&b, "%s\t", t3->rows[r].label);
        for (int c = 0; c < 7; c++) {
            snprintf(id, sizeof id, "t3.%s.%s", t3->rows[r].key, t3->rows[r].cols[c].key);
            sbuf_printf(&b, "\t%s", fx_value(ov, id));
        }
        sbuf_adds(&b, "\n");
    }
    sbuf_adds(&b, "\n四、政府信息公开行政复议、行政诉讼情况\n\n"
                  "行政复议\t\t\t\t\t行政诉讼\n"
                  "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n");
    const gk_table_def *t4 = template_table(t, 4);
    for (int g = 0; g < 3; g++)
        for (int c = 0; c < 5; c++) {
            snprintf(id, sizeof id, "t4.%s.%s", t4->rows[g].key, t4->rows[g].cols[c].key);
            sbuf_printf(&b, "%s%s", g || c ? "\t" : "", fx_value(ov, id));
        }
    sbuf_adds(&b, "\n\n五、存在的主要问题及改进情况\n\n"
                  "存在的主要问题：一是信息公开的及时性还需提高，二是政策解读形式较为单一。"
                  "改进情况：下一步将加强业务培训，完善信息发布审核机制，丰富政策解读形式。\n\n六、其他需要报告的事项\n\n");
    sbuf_adds(&b, section6 ? section6 : "本年度未收取信息处理费。");
    sbuf_adds(&b, "\n");
    return sbuf_steal(&b);
}

/* `text` with what lies between the end of `after` and the start of `before`
 * (the next occurrence after it) replaced by `body`; NULL when either is not
 * there.  malloc'd. */
static inline char *fx_between(const char *text, const char *after, const char *before, const char *body)
{
    const char *from = strstr(text, after);
    const char *to = from ? strstr(from + strlen(after), before) : NULL;
    if (!to)
        return NULL;
    from += strlen(after);
    sbuf b;
    sbuf_init(&b);
    sbuf_add(&b, text, (size_t)(from - text));
    sbuf_adds(&b, body);
    sbuf_adds(&b, to);
    return sbuf_steal(&b);
}

/* The fixture's report (fx_report(NULL, NULL, NULL)) with a section's table
 * written another way: fx_between().  malloc'd. */
static inline char *fx_report_between(const char *after, const char *before, const char *body)
{
    char *text = fx_report(NULL, NULL, NULL);
    char *out = fx_between(text, after, before, body);
    free(text);
    return out;
}

/* Removes the first line containing `needle` (a row or a heading). */
static inline void fx_drop_line(char *text, const char *needle)
{
    char *p = strstr(text, needle);
    if (!p)
        return;
    while (p > text && p[-1] != '\n')
        p--;
    char *e = strchr(p, '\n');
    e = e ? e + 1 : p + strlen(p);
    memmove(p, e, strlen(e) + 1);
}

/* Replaces the first occurrence of `from` by `to` (to no longer than from). */
static inline void fx_replace(char *text, const char *from, const char *to)
{
    char *p = strstr(text, from);
    if (!p)
        return;
    size_t fl = strlen(from), tl = strlen(to);
    memcpy(p, to, tl);
    memmove(p + tl, p + fl, strlen(p + fl) + 1);
}

static inline gk_report *fx_parse_text(const char *text)
{
    char *why = NULL;
    gk_report *r = report_parse("fixture.txt", text, strlen(text), &why);
    free(why);
    return r;
}

static inline gk_report *fx_parse(const fx_cell *ov, const char *narrative, const char *section6)
{
    char *text = fx_report(ov, narrative, section6);
    char *why = NULL;
    gk_report *r = report_parse("fixture.txt", text, strlen(text), &why);
    free(text);
    free(why);
    return r;
}

static inline const gk_cell *fx_cell_of(const gk_report *r, const char *id)
{
    int i = template_cell_index(r->tpl, id);
    return i >= 0 ? &r->cells[i] : NULL;
}

/* The fixture's report with section 二's tables replaced by `t2`, parsed. */
static inline gk_report *fx_parse_with_t2(const char *t2)
{
    char *text = fx_report_between("二、主动公开政府信息情况\n\n", "\n\n三、", t2);
    gk_report *r = text ? fx_parse_text(text) : NULL;
    free(text);
    return r;
}

/* The cell of table 2's row rr, column c in r. */
static inline const gk_cell *fx_t2_cell(const gk_report *r, int rr, int c)
{
    const gk_table_def *t2 = template_table(r->tpl, 2);
    char id[64];
    snprintf(id, sizeof id, "t2.%s.%s", t2->rows[rr].key, t2->rows[rr].cols[c].key);
    return fx_cell_of(r, id);
}

/* The first cell of table 2 (row * 3 + column) read as another value than
 * v[row][column] (-1: a blank, read as 0), -1 when none; *cells and *read
 * (may be NULL) count its cells and those read. */
static inline int fx_t2_other(const gk_report *r, int v[][3], int *cells, int *read)
{
    const gk_table_def *t2 = template_table(r->tpl, 2);
    for (int rr = 0; rr < t2->nrows; rr++)
        for (int c = 0; c < t2->rows[rr].ncols; c++) {
            const gk_cell *cell = fx_t2_cell(r, rr, c);
            if (!cell)
                return rr * 3 + c;
            if (cells)
                ++*cells;
            if (cell->status == GK_ST_MISSING)
                continue;
            if (read)
                ++*read;
            if (cell->value != (v[rr][c] < 0 ? 0 : v[rr][c]))
                return rr * 3 + c;
        }
    return -1;
}

static inline int fx_count(const gk_report *r, const char *rule)
{
    int n = 0;
    for (int i = 0; i < r->nfindings; i++)
        if (strcmp(r->findings[i].rule, rule) == 0)
            n++;
    return n;
}

static inline const gk_finding *fx_find(const gk_report *r, const char *rule, const char *cell)
{
    int idx = cell ? template_cell_index(r->tpl, cell) : -1;
    for (int i = 0; i < r->nfindings; i++) {
        if (strcmp(r->findings[i].rule, rule) != 0)
            continue;
        if (idx < 0)
            return &r->findings[i];
        for (int k = 0; k < r->findings[i].ncells; k++)
            if (r->findings[i].cells[k] == idx)
                return &r->findings[i];
    }
    return NULL;
}

#endif
