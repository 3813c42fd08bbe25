/* template.c — the national templates (国办公开办函〔2021〕30号 and
 * 〔2019〕60号) as data.  Patterns match the label with every space removed
 * and full-width punctuation folded to ASCII (text_normalise). */
#include "template.h"
#include "text.h"
#include "util.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

const char *const GK_DETECT_2021 = "本年制发件数|本年废止件数|现行有效件数|本年收费金额|本年处理决定数量";
const char *const GK_DETECT_2019 = "本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|采购项目数量|政府集中采购|其他对外管理服务事项";
/* Characters of which every alternative above contains one (a line with
 * none of them cannot match: a cheap test first; test_template checks). */
const char *const GK_DETECT_2021_NEED[] = {"数", "额", NULL};
const char *const GK_DETECT_2019_NEED[] = {"数", "购", "项", NULL};

/* ---- rules ------------------------------------------------------------ */

static const gk_rule_def RULES[] = {
    {"T3.BALANCE", GK_SEV_ERROR, "第一项加第二项之和应等于第三项加第四项之和", "申请数量前后不平衡", 0},
    {"T3.ROW_TOTAL", GK_SEV_ERROR, "行总计应等于各类申请人之和", "行总计不符", 0},
    {"T3.HANDLED_SUM", GK_SEV_ERROR, "办理结果总计应等于各项办理结果之和", "办理结果总计不符", 0},
    {"T4.GROUP_TOTAL", GK_SEV_ERROR, "复议、诉讼总计应等于各结果之和", "复议诉讼总计不符", 0},
    {"T2.VALID_GE", GK_SEV_WARNING, "现行有效件数不应少于本年制发减废止", "现行有效件数偏少", 0},
    {"CELL.NEGATIVE", GK_SEV_ERROR, "件数不能为负", "数值为负", 0},
    {"CELL.NOT_INTEGER", GK_SEV_ERROR, "件数必须为整数", "件数不是整数", 0},
    {"CELL.MISSING", GK_SEV_ERROR, "单元格缺失", "单元格缺失", 1},
    {"CELL.BLANK", GK_SEV_WARNING, "单元格为空，按 0 计", "单元格未填 0", 0},
    {"CELL.INFERRED", GK_SEV_WARNING, "单元格值由勾稽关系推算", "单元格值为推算", 1},
    {"TEXT.MISMATCH", GK_SEV_WARNING, "正文数字与表格不符", "正文与表格不符", 0},
    {"STRUCT.SECTION_MISSING", GK_SEV_WARNING, "缺少章节或章节顺序错误", "章节缺失或顺序错误", 0},
    {"STRUCT.ROW_MISSING", GK_SEV_ERROR, "表格行缺失", "表格行缺失", 1},
    {"STRUCT.LABEL_VARIANT", GK_SEV_WARNING, "标签与模板不一致", "表格标签不规范", 0},
    {"FEE.NOT_REPORTED", GK_SEV_WARNING, "未说明信息处理费收取情况", "未说明信息处理费", 0},
    {"YEAR.MISMATCH", GK_SEV_WARNING, "标题年份、统计期限与正文年份不一致", "年份不一致", 0},
    {"FORMAT.OUTDATED", GK_SEV_ERROR, "2021 年度起的报告仍使用 2019 年版格式", "使用旧版格式", 0},
    {"TITLE.FORM", GK_SEV_WARNING, "标题缺失、格式不规范或为报送函", "标题不规范", 0},
    {"YEAR.PERIOD", GK_SEV_WARNING, "统计期限不是全年", "统计期限不是全年", 0},
    {"DATE.LATE", GK_SEV_WARNING, "报告日期晚于次年1月31日", "发布逾期", 0},
    {"TEXT.SECTION5_THIN", GK_SEV_WARNING, "存在的主要问题及改进情况缺失或过于简略", "问题及改进情况空泛", 0},
    {"XYEAR.CARRY", GK_SEV_ERROR, "上年结转应等于上一年度报告的结转下年度", "结转数与上年不衔接", 0},
    {"XYEAR.VALID", GK_SEV_WARNING, "现行有效件数应与上一年度衔接", "现行有效件数与上年不衔接", 0},
    {"XYEAR.COPIED", GK_SEV_WARNING, "正文照搬上一年度报告", "照搬上年报告", 0},
    {"XYEAR.JUMP", GK_SEV_WARNING, "总数与上一年度相比变化异常", "数据较上年异常变化", 0},
};

const gk_rule_def *template_rules(int *n)
{
    *n = (int)(sizeof RULES / sizeof RULES[0]);
    return RULES;
}

const gk_rule_def *template_rule(const char *id)
{
    for (size_t i = 0; i < sizeof RULES / sizeof RULES[0]; i++)
        if (strcmp(RULES[i].id, id) == 0)
            return &RULES[i];
    return NULL;
}

/* ---- table 3 (same columns in both formats) ---------------------------- */

static const gk_col_def T3_COLS[] = {
    {"natural", "自然人", "自然人", "自然人", GK_VAL_COUNT},
    {"business", "商业企业", "商业企业", "商业企业", GK_VAL_COUNT},
    {"research", "科研机构", "科研机构", "科研机构", GK_VAL_COUNT},
    {"charity", "社会公益组织", "公益组织", "社会公益组织", GK_VAL_COUNT},
    {"legal", "法律服务机构", "法律服务", "法律服务机构", GK_VAL_COUNT},
    {"other", "其他", "其他", "^其他$", GK_VAL_COUNT},
    {"total", "总计", "总计", "^总[计记]$", GK_VAL_COUNT},
};
#define T3C T3_COLS, 7

static const gk_group_def GROUPS[] = {
    {"result", "本年度办理结果", "本年度办理结果|办理结果"},
    {"deny", "不予公开", "\\(三\\)不予公开|不予公开$"},
    {"unable", "无法提供", "无法提供"},
    {"reject", "不予处理", "不予处理"},
    {"other", "其他处理", "其他处理"},
};

const gk_group_def *template_groups(int *n)
{
    *n = (int)(sizeof GROUPS / sizeof GROUPS[0]);
    return GROUPS;
}

#define T3_HEAD                                                                              \
    {"new", "本年新收政府信息公开申请数量", "本年新收", "本年新收|新收.{0,6}申请", NULL, T3C}, \
    {"carried_in", "上年结转政府信息公开申请数量", "上年结转", "上年结转", NULL, T3C},        \
    {"granted", "予以公开", "予以公开", "予以公开", "result", T3C},                         \
    {"partial", "部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开", "部分公开", "result", T3C}, \
    {"deny.secret", "属于国家秘密", "国家秘密", "国家秘密", "deny", T3C},                    \
    {"deny.law", "其他法律行政法规禁止公开", "法规禁止", "法规禁止|法律.{0,6}禁止公开", "deny", T3C}, \
    {"deny.safety", "危及“三安全一稳定”", "三安全一稳定", "三安全", "deny", T3C},           \
    {"deny.third_party", "保护第三方合法权益", "第三方权益", "第三方", "deny", T3C},         \
    {"deny.internal", "属于三类内部事务信息", "内部事务", "内部事务", "deny", T3C},          \
    {"deny.process", "属于四类过程性信息", "过程性信息", "过程性", "deny", T3C},             \
    {"deny.enforcement", "属于行政执法案卷", "执法案卷", "执法案卷", "deny", T3C},           \
    {"deny.inquiry", "属于行政查询事项", "查询事项", "查询事项", "deny", T3C},               \
    {"unable.no_info", "本机关不掌握相关政府信息", "不掌握", "不掌握", "unable", T3C},        \
    {"unable.needs_creation", "没有现成信息需要另行制作", "另行制作", "另行制作|没有现成", "unable", T3C}, \
    {"unable.unclear", "补正后申请内容仍不明确", "仍不明确", "仍不明确|补正后申请", "unable", T3C}, \
    {"reject.complaint", "信访举报投诉类申请", "信访举报", "信访|举报投诉", "reject", T3C},   \
    {"reject.repeat", "重复申请", "重复申请", "重复申请", "reject", T3C},                   \
    {"reject.publication", "要求提供公开出版物", "公开出版物", "出版物", "reject", T3C},       \
    {"reject.massive", "无正当理由大量反复申请", "大量反复", "大量反复", "reject", T3C},       \
    {"reject.confirm", "要求行政机关确认或重新出具已获取信息", "重新出具", "重新出具|确认或重新", "reject", T3C}

#define T3_TAIL                                                                              \
    {"handled_total", "总计", "办理总计", "\\(七\\)总[计记]|^总[计记]$|^七[、.]?总[计记]", NULL, T3C}, \
    {"carried_out", "结转下年度继续办理", "结转下年", "结转下年|转下年度", NULL, T3C}

static const gk_row_def T3_2021[] = {
    T3_HEAD,
    {"other.no_correction", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "逾期不补正", "逾期不补正", "other", T3C},
    {"other.no_fee", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "逾期未缴费", "缴纳费用|收费通知", "other", T3C},
    {"other.other", "其他", "其他处理·其他", "(^|\\)|处理)(3[.、]?)?其他$", "other", T3C},
    T3_TAIL,
};

static const gk_row_def T3_2019[] = {
    T3_HEAD,
    {"other.total", "其他处理", "其他处理", "其他处理", "other", T3C},
    T3_TAIL,
};

/* ---- table 4 ------------------------------------------------------------ */

static const gk_col_def T4_COLS[] = {
    {"upheld", "结果维持", "维持", "结果维持", GK_VAL_COUNT},
    {"corrected", "结果纠正", "纠正", "结果纠正", GK_VAL_COUNT},
    {"other", "其他结果", "其他", "其他结果", GK_VAL_COUNT},
    {"pending", "尚未审结", "未审结", "尚未审结", GK_VAL_COUNT},
    {"total", "总计", "总计", "^总[计记]$", GK_VAL_COUNT},
};

static const gk_row_def T4_ROWS[] = {
    {"review", "行政复议", "行政复议", "行政复议", NULL, T4_COLS, 5},
    {"suit_direct", "行政诉讼·未经复议直接起诉", "直接起诉", "未经复议直接起诉", NULL, T4_COLS, 5},
    {"suit_after_review", "行政诉讼·复议后起诉", "复议后起诉", "复议后起诉", NULL, T4_COLS, 5},
};

/* ---- table 2, 2021 -------------------------------------------------------- */

static const gk_col_def T2_DOC_2021[] = {
    {"issued", "本年制发件数", "制发", "本年.{0,2}[制发]{1,2}件数|制发件数", GK_VAL_COUNT},
    {"repealed", "本年废止件数", "废止", "本年.{0,2}止件数|废止件数", GK_VAL_COUNT},
    {"valid", "现行有效件数", "现行有效", "现行有效|有效件数", GK_VAL_COUNT},
};
static const gk_col_def T2_DEC_2021[] = {
    {"decisions", "本年处理决定数量", "处理决定", "处理决定数量|本年处理决定", GK_VAL_COUNT},
};
static const gk_col_def T2_FEE_2021[] = {
    {"amount", "本年收费金额（单位：万元）", "收费金额(万元)", "收费金额", GK_VAL_DECIMAL},
};

static const gk_row_def T2_2021[] = {
    {"rule", "规章", "规章", "^规章$|^规章\\b|^规章", NULL, T2_DOC_2021, 3},
    {"normative", "行政规范性文件", "规范性文件", "规范性文件", NULL, T2_DOC_2021, 3},
    {"license", "行政许可", "行政许可", "行政许可", NULL, T2_DEC_2021, 1},
    {"penalty", "行政处罚", "行政处罚", "行政处罚", NULL, T2_DEC_2021, 1},
    {"coercion", "行政强制", "行政强制", "行政强制", NULL, T2_DEC_2021, 1},
    {"fee", "行政事业性收费", "事业性收费", "事业性收费", NULL, T2_FEE_2021, 1},
};

/* ---- table 2, 2019 -------------------------------------------------------- */

static const gk_col_def T2_DOC_2019[] = {
    {"made", "本年新制作数量", "新制作", "新制作数量", GK_VAL_COUNT},
    {"published", "本年新公开数量", "新公开", "新公开数量", GK_VAL_COUNT},
    {"total_public", "对外公开总数量", "公开总数", "对外公开总数量|公开总数量", GK_VAL_COUNT},
};
static const gk_col_def T2_ITEM_2019[] = {
    {"prev", "上一年项目数量", "上年项目", "上一年项目数量|上年项目数量", GK_VAL_COUNT},
    {"change", "本年增/减", "增/减", "本年增.?减", GK_VAL_SIGNED},
    {"decisions", "处理决定数量", "处理决定", "处理决定数量", GK_VAL_COUNT},
};
static const gk_col_def T2_FEE_2019[] = {
    {"prev", "上一年项目数量", "上年项目", "上一年项目数量|上年项目数量", GK_VAL_COUNT},
    {"change", "本年增/减", "增/减", "本年增.?减", GK_VAL_SIGNED},
};
static const gk_col_def T2_PROC_2019[] = {
    {"count", "采购项目数量", "采购项目", "采购项目数量", GK_VAL_COUNT},
    {"amount", "采购总金额", "采购金额", "采购总金额", GK_VAL_DECIMAL},
};

static const gk_row_def T2_2019[] = {
    {"rule", "规章", "规章", "^规章", NULL, T2_DOC_2019, 3},
    {"normative", "规范性文件", "规范性文件", "规范性文件", NULL, T2_DOC_2019, 3},
    {"license", "行政许可", "行政许可", "行政许可", NULL, T2_ITEM_2019, 3},
    {"other_service", "其他对外管理服务事项", "其他对外服务", "对外管理服务", NULL, T2_ITEM_2019, 3},
    {"penalty", "行政处罚", "行政处罚", "行政处罚", NULL, T2_ITEM_2019, 3},
    {"coercion", "行政强制", "行政强制", "行政强制", NULL, T2_ITEM_2019, 3},
    {"fee", "行政事业性收费", "事业性收费", "事业性收费", NULL, T2_FEE_2019, 2},
    {"procurement", "政府集中采购", "集中采购", "集中采购", NULL, T2_PROC_2019, 2},
};

#define NROWS(a) ((int)(sizeof(a) / sizeof((a)[0])))

static gk_template TPL[2] = {
    {GK_FMT_2021, "2021",
     {{2, "主动公开政府信息情况", T2_2021, NROWS(T2_2021)},
      {3, "收到和处理政府信息公开申请情况", T3_2021, NROWS(T3_2021)},
      {4, "政府信息公开行政复议、行政诉讼情况", T4_ROWS, NROWS(T4_ROWS)}},
     .cells = NULL},
    {GK_FMT_2019, "2019",
     {{2, "主动公开政府信息情况", T2_2019, NROWS(T2_2019)},
      {3, "收到和处理政府信息公开申请情况", T3_2019, NROWS(T3_2019)},
      {4, "政府信息公开行政复议、行政诉讼情况", T4_ROWS, NROWS(T4_ROWS)}},
     .cells = NULL},
};

/* ---- derivation: cells and equations -------------------------------------- */

const gk_table_def *template_table(const gk_template *t, int number)
{
    return number >= 2 && number <= 4 ? &t->tables[number - 2] : NULL;
}

int template_cell_at(const gk_template *t, int table, int row, int col)
{
    if (table < 2 || table > 4 || row < 0 || row >= t->tables[table - 2].nrows || col < 0 ||
        col >= t->tables[table - 2].rows[row].ncols)
        return -1;
    return t->first_cell[table - 2][row] + col;
}

static unsigned id_hash(const char *id)
{
    unsigned h = 2166136261u;
    for (; *id; id++)
        h = (h ^ (unsigned char)*id) * 16777619u;
    return h;
}

int template_cell_index(const gk_template *t, const char *id)
{
    const unsigned mask = sizeof t->id_hash / sizeof t->id_hash[0] - 1;
    for (unsigned h = id_hash(id) & mask;; h = (h + 1) & mask) {
        int v = t->id_hash[h];
        if (!v)
            return -1;
        if (strcmp(t->cells[v - 1].id, id) == 0)
            return v - 1;
    }
}

static void build_id_hash(gk_template *t)
{
    const unsigned mask = sizeof t->id_hash / sizeof t->id_hash[0] - 1;
    for (int i = 0; i < t->ncells; i++) {
        unsigned h = id_hash(t->cells[i].id) & mask;
        while (t->id_hash[h])
            h = (h + 1) & mask;
        t->id_hash[h] = i + 1;
    }
}

static int row_index(const gk_table_def *td, const char *key)
{
    for (int r = 0; r < td->nrows; r++)
        if (strcmp(td->rows[r].key, key) == 0)
            return r;
    return -1;
}

static gk_equation *new_eq(gk_template *t, const char *rule)
{
    t->eqs = xrealloc(t->eqs, (size_t)(t->neqs + 1) * sizeof *t->eqs);
    gk_equation *e = &t->eqs[t->neqs++];
    memset(e, 0, sizeof *e);
    e->rule = rule;
    return e;
}

static void eq_add(gk_equation *e, int cell, int coef)
{
    if (cell < 0 || e->n >= GK_EQ_MAX)
        return;
    e->cell[e->n] = cell;
    e->coef[e->n] = coef;
    e->n++;
}

static void build_equations(gk_template *t)
{
    const gk_table_def *t3 = template_table(t, 3), *t4 = template_table(t, 4);
    int r_new = row_index(t3, "new"), r_in = row_index(t3, "carried_in");
    int r_tot = row_index(t3, "handled_total"), r_out = row_index(t3, "carried_out");
    const int total_col = 6;

    /* Order matters only for which equation explains an inferred value:
     * the row total is the most natural explanation, then the sums. */
    for (int r = 0; r < t3->nrows; r++) { /* T3.ROW_TOTAL, per row */
        gk_equation *e = new_eq(t, "T3.ROW_TOTAL");
        eq_add(e, template_cell_at(t, 3, r, total_col), 1);
        for (int c = 0; c < total_col; c++)
            eq_add(e, template_cell_at(t, 3, r, c), -1);
        e->anchor = template_cell_at(t, 3, r, total_col);
        snprintf(e->what, sizeof e->what, "%s行", t3->rows[r].short_label);
    }
    for (int c = 0; c < 7; c++) {      /* T3.HANDLED_SUM, per column */
        gk_equation *e = new_eq(t, "T3.HANDLED_SUM");
        eq_add(e, template_cell_at(t, 3, r_tot, c), 1);
        for (int r = 0; r < t3->nrows; r++)
            if (t3->rows[r].group)
                eq_add(e, template_cell_at(t, 3, r, c), -1);
        e->anchor = template_cell_at(t, 3, r_tot, c);
        snprintf(e->what, sizeof e->what, "%s列", T3_COLS[c].short_label);
    }
    for (int c = 0; c < 7; c++) {      /* T3.BALANCE, per column */
        gk_equation *e = new_eq(t, "T3.BALANCE");
        eq_add(e, template_cell_at(t, 3, r_new, c), 1);
        eq_add(e, template_cell_at(t, 3, r_in, c), 1);
        eq_add(e, template_cell_at(t, 3, r_tot, c), -1);
        eq_add(e, template_cell_at(t, 3, r_out, c), -1);
        e->anchor = template_cell_at(t, 3, r_out, c);
        snprintf(e->what, sizeof e->what, "%s列", T3_COLS[c].short_label);
    }
    for (int g = 0; g < t4->nrows; g++) { /* T4.GROUP_TOTAL, per group */
        gk_equation *e = new_eq(t, "T4.GROUP_TOTAL");
        eq_add(e, template_cell_at(t, 4, g, 4), 1);
        for (int c = 0; c < 4; c++)
            eq_add(e, template_cell_at(t, 4, g, c), -1);
        e->anchor = template_cell_at(t, 4, g, 4);
        snprintf(e->what, sizeof e->what, "%s", t4->rows[g].short_label);
    }
}

/* A label normalised and without spaces (for variant checks). */
static char *canon_label(const char *label)
{
    char *canon = text_normalise(label, strlen(label)), *o = canon;
    for (char *p = canon; *p; p++)
        if (*p != ' ' && *p != '\t')
            *o++ = *p;
    *o = '\0';
    return canon;
}

/* Each table's distinct column definitions, in first-use order. */
static void build_columns(gk_template *t)
{
    for (int ti = 0; ti < 3; ti++) {
        const gk_table_def *td = &t->tables[ti];
        int n = 0;
        for (int r = 0; r < td->nrows; r++)
            for (int c = 0; c < td->rows[r].ncols; c++) {
                const gk_col_def *cd = &td->rows[r].cols[c];
                int seen = 0;
                for (int k = 0; k < n; k++)
                    seen |= t->col[ti][k] == cd || t->col[ti][k]->label == cd->label;
                if (!seen && n < 32) {
                    t->col[ti][n] = cd;
                    t->col_canon[ti][n] = canon_label(cd->label);
                    n++;
                }
            }
        t->ncol[ti] = n;
    }
}

static void build_cells(gk_template *t)
{
    int n = 0;
    for (int ti = 0; ti < 3; ti++)
        for (int r = 0; r < t->tables[ti].nrows; r++)
            n += t->tables[ti].rows[r].ncols;
    t->cells = xcalloc((size_t)n, sizeof *t->cells);
    t->ncells = 0;
    for (int ti = 0; ti < 3; ti++) {
        const gk_table_def *td = &t->tables[ti];
        for (int r = 0; r < td->nrows; r++) {
            const gk_row_def *rd = &td->rows[r];
            t->first_cell[ti][r] = t->ncells;
            t->row_canon[ti][r] = canon_label(rd->label);
            for (int c = 0; c < rd->ncols; c++) {
                gk_cell_def *cd = &t->cells[t->ncells++];
                snprintf(cd->id, sizeof cd->id, "t%d.%s.%s", td->number, rd->key, rd->cols[c].key);
                cd->table = td->number;
                cd->row = r;
                cd->col = c;
                cd->rowdef = rd;
                cd->coldef = &rd->cols[c];
                snprintf(cd->label, sizeof cd->label, "%s·%s", rd->short_label, rd->cols[c].short_label);
            }
        }
    }
}

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void derive(void)
{
    for (int i = 0; i < 2; i++) {
        build_cells(&TPL[i]);
        build_columns(&TPL[i]);
        build_id_hash(&TPL[i]);
        build_equations(&TPL[i]);
    }
}

const gk_template *template_get(gk_format f)
{
    pthread_once(&once, derive);
    return f == GK_FMT_2019 ? &TPL[1] : &TPL[0];
}


const char *template_format_name(gk_format f)
{
    return f == GK_FMT_2019 ? "2019" : f == GK_FMT_2021 ? "2021" : "unknown";
}

/* ---- narrative counts (TEXT.MISMATCH) -------------------------------------- */

/* Pieces of the patterns below (on normalised text: "，" is ",", "：" ":").
 * NUM: the number, Arabic ("12", "1,130") or a Chinese numeral ("十二",
 * "两"); UNIT: a count's measure word right after it, so "5%", "2023年" and
 * "3.5件" are not counts; FILL: the words that may stand between a noun and
 * its number ("共收到…申请共计6件").  GAP: a few characters inside one clause,
 * with no digit and none of the words of a change ("较上年增加5件") or an
 * ordinal ("第3件"), so the number read is the count itself. */
#define NARR_NUM "([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+|[零〇一二两三四五六七八九十百千]+)"
#define NARR_UNIT "\\s*[件宗条个起项份]"
#define NARR_FILL "(?:共计?|合计|总计|共有|计|为|了)?\\s*"
#define NARR_GAP(n) "[^,。;:0-9增减降升比较第]{0," #n "}?"
/* a number standing first: not the tail of a longer one, nor an ordinal */
#define NARR_NUM_FIRST "(?<![0-9零〇一二两三四五六七八九十百千第])" NARR_NUM
/* a clause's start, or a word that opens a list of counts */
#define NARR_CLAUSE "(?:^|[,;:、。 ]|其中|另有|共|依法)"
/* after 行政复议/行政诉讼 in a zero statement: not "…被纠错" (that is 纠错's) */
#define NARR_NOT_CORRECTED "(?![、和及与]?(?:行政诉讼)?(?:被|结果)?纠)"

#define T4_CORRECTED "t4.review.corrected", "t4.suit_direct.corrected", "t4.suit_after_review.corrected"
#define T4_SUIT_CORRECTED "t4.suit_direct.corrected", "t4.suit_after_review.corrected"
#define T3_DENY                                                                                   \
    "t3.deny.secret.total", "t3.deny.law.total", "t3.deny.safety.total", "t3.deny.third_party.total", \
        "t3.deny.internal.total", "t3.deny.process.total", "t3.deny.enforcement.total", "t3.deny.inquiry.total"
/* the same cells in both formats */
#define BOTH(...) {{__VA_ARGS__, NULL}, {__VA_ARGS__, NULL}}

static const gk_narr_count NARR[] = {
    {"new", "收到申请", {"收到", "受理", "新收", NULL},
     {"(?:收到|(?<!协助)(?<!代为)受理|新收)" NARR_GAP(12) "(?:政府信息公开|依申请公开|信息公开)(?:的)?(?:申请)?" NARR_FILL
      NARR_NUM NARR_UNIT,
      "(?:收到|(?<!协助)(?<!代为)受理)(?:了)?" NARR_FILL NARR_NUM NARR_UNIT "(?:的)?(?:政府信息公开|依申请公开|信息公开)",
      "(?:未|没有)(?:收到|受理)[^,。;:0-9]{0,12}?(?:信息公开|依申请公开)[^,。;:0-9]{0,4}?申请", NULL},
     BOTH("t3.new.total")},
    {"carried_in", "上年结转", {"结转", NULL},
     {"上一?年度?结转(?:的)?" NARR_GAP(6) NARR_FILL NARR_NUM NARR_UNIT, NULL},
     BOTH("t3.carried_in.total")},
    {"handled", "办结", {"办结", NULL},
     {"(?<!按时)(?<!按期)(?<!延期)(?<!逾期)(?<!超期)(?<!限期)(?<!当场)办结(?:了)?(?:政府信息公开|依申请公开)?(?:的)?(?:申请)?"
      NARR_FILL NARR_NUM NARR_UNIT, NULL},
     BOTH("t3.handled_total.total")},
    {"granted", "予以公开", {"予以", NULL},
     {"(?<!不)予以公开(?:的)?" NARR_FILL NARR_NUM NARR_UNIT, NULL},
     BOTH("t3.granted.total")},
    {"partial", "部分公开", {"部分", NULL},
     {"部分公开(?:的)?" NARR_FILL NARR_NUM NARR_UNIT, NULL},
     BOTH("t3.partial.total")},
    /* only where it opens a clause: "因涉及第三方权益不予公开1件" is one row */
    {"denied", "不予公开", {"不予", NULL},
     {NARR_CLAUSE "不予以?公开(?:的)?" NARR_FILL NARR_NUM NARR_UNIT, NULL},
     BOTH(T3_DENY)},
    {"carried_out", "结转下年度", {"结转", NULL},
     {"结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?(?:的)?" NARR_FILL NARR_NUM NARR_UNIT,
      NARR_NUM_FIRST NARR_UNIT "[^,。;:0-9增减降升比较第无未没办]{0,8}?结转(?:至|到)?下一?年", NULL},
     BOTH("t3.carried_out.total")},
    {"review", "行政复议", {"行政复", NULL},
     {"行政复议(?:案件)?" NARR_FILL NARR_NUM NARR_UNIT,
      "(?:未发生|没有|无)[^,。;:0-9]{0,16}?行政复议" NARR_NOT_CORRECTED,
      "行政复议(?:案件)?(?:和|、|及|与)行政诉讼(?:案件)?(?:各|均为?)\\s*" NARR_NUM NARR_UNIT, NULL},
     BOTH("t4.review.total")},
    {"suit", "行政诉讼", {"行政诉", NULL},
     {"行政诉讼(?:案件)?" NARR_FILL NARR_NUM NARR_UNIT,
      "(?:未发生|没有|无)[^,。;:0-9]{0,20}?行政诉讼" NARR_NOT_CORRECTED,
      "行政复议(?:案件)?(?:和|、|及|与)行政诉讼(?:案件)?(?:各|均为?)\\s*" NARR_NUM NARR_UNIT, NULL},
     BOTH("t4.suit_direct.total", "t4.suit_after_review.total")},
    /* 纠错 of both: only after the line has spoken of 复议 or 诉讼 (a website's
     * 纠错 is another matter), at a clause's start */
    {"corrected", "纠错", {"纠错", NULL},
     {"(?:复议|诉讼)[^。;]{0,30}?(?:[,;:、]|其中|共)被?(?:依法)?纠错(?:的)?(?:案件)?" NARR_FILL NARR_NUM NARR_UNIT,
      "行政复议(?:和|、|及|与)行政诉讼(?:案件)?(?:中)?被?(?:依法)?纠错(?:的)?(?:案件)?" NARR_FILL NARR_NUM NARR_UNIT,
      "(?:未发生|没有|无)[^,。;:0-9]{0,10}?(?:行政复议|行政诉讼)[^,。;:0-9]{0,8}?被?纠错", NULL},
     BOTH(T4_CORRECTED)},
    {"review_corrected", "行政复议纠错", {"纠", NULL},
     {"行政复议(?:案件)?(?:中)?(?:被)?(?:依法)?(?:纠错|结果纠正|纠正)(?:的)?" NARR_FILL NARR_NUM NARR_UNIT, NULL},
     BOTH("t4.review.corrected")},
    {"suit_corrected", "行政诉讼纠错", {"纠", NULL},
     {"(?<!复议、)(?<!复议和)(?<!复议及)(?<!复议与)行政诉讼(?:案件)?(?:中)?(?:被)?(?:依法)?(?:纠错|结果纠正|纠正)(?:的)?"
      NARR_FILL NARR_NUM NARR_UNIT, NULL},
     BOTH(T4_SUIT_CORRECTED)},
    /* every piece of information published: neither format's table 2 has
     * that total (2019's 本年新公开数量 counts 规章 and 规范性文件 only), so
     * it is read and not checked */
    {"active", "主动公开信息", {"主动公开", NULL},
     {"主动公开(?:发布)?(?:政府)?信息" NARR_FILL NARR_NUM NARR_UNIT, NULL},
     {{NULL}, {NULL}}},
};

#undef BOTH
#undef T3_DENY
#undef T4_SUIT_CORRECTED
#undef T4_CORRECTED

const gk_narr_count *template_narr_counts(int *n)
{
    _Static_assert(sizeof NARR / sizeof NARR[0] <= GK_NARR_MAX, "GK_NARR_MAX too small");
    *n = (int)(sizeof NARR / sizeof NARR[0]);
    return NARR;
}

const char *const *template_narr_cells(const gk_narr_count *c, gk_format f)
{
    return c->cells[f == GK_FMT_2019];
}
