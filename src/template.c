/* template.c — the national templates (国办公开办函〔2021〕30号 and
 * 〔2019〕60号) as data.  Patterns match the label with every space removed
 * and full-width punctuation folded to ASCII (text_normalise). */
#include "template.h"
#include "text.h"
#include "util.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const GK_DETECT_2021 = "本年制发件数|本年废止件数|现行有效件数|本年收费金额|本年处理决定数量";
const char *const GK_DETECT_2019 = "本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|采购项目数量|政府集中采购|其他对外管理服务事项";
/* Characters of which every alternative above contains one (a line with
 * none of them cannot match: a cheap test first; test_template checks). */
const char *const GK_DETECT_2021_NEED[] = {"数", "额", NULL};
const char *const GK_DETECT_2019_NEED[] = {"数", "购", "项", NULL};

/* ---- rules ------------------------------------------------------------ */

static const gk_rule_def RULES[] = {
    {"T3.BALANCE", GK_SEV_ERROR, "第一项加第二项之和应等于第三项加第四项之和", "申请数量前后不平衡", 0, GK_RULE_EQUATION},
    {"T3.ROW_TOTAL", GK_SEV_ERROR, "行总计应等于各类申请人之和", "行总计不符", 0, GK_RULE_EQUATION},
    {"T3.HANDLED_SUM", GK_SEV_ERROR, "办理结果总计应等于各项办理结果之和", "办理结果总计不符", 0, GK_RULE_EQUATION},
    {"T4.GROUP_TOTAL", GK_SEV_ERROR, "复议、诉讼总计应等于各结果之和", "复议诉讼总计不符", 0, GK_RULE_EQUATION},
    {"T2.VALID_GE", GK_SEV_WARNING, "现行有效件数不应少于本年制发减废止", "现行有效件数偏少", 0, GK_RULE_CELLSET},
    {"CELL.NEGATIVE", GK_SEV_ERROR, "件数不能为负", "数值为负", 0, GK_RULE_EACH_CELL},
    {"CELL.NOT_INTEGER", GK_SEV_ERROR, "件数必须为整数", "件数不是整数", 0, GK_RULE_EACH_CELL},
    {"CELL.MISSING", GK_SEV_ERROR, "单元格缺失", "单元格缺失", 1, GK_RULE_EACH_CELL},
    {"CELL.BLANK", GK_SEV_WARNING, "单元格为空，按 0 计", "单元格未填 0", 0, GK_RULE_EACH_CELL},
    {"CELL.INFERRED", GK_SEV_WARNING, "单元格值由勾稽关系推算", "单元格值为推算", 1, GK_RULE_EACH_CELL},
    {"TEXT.MISMATCH", GK_SEV_WARNING, "正文数字与表格不符", "正文与表格不符", 0, GK_RULE_TEXT},
    {"STRUCT.SECTION_MISSING", GK_SEV_WARNING, "缺少章节或章节顺序错误", "章节缺失或顺序错误", 0, GK_RULE_TEXT},
    {"STRUCT.ROW_MISSING", GK_SEV_ERROR, "表格行缺失", "表格行缺失", 1, GK_RULE_TEXT},
    {"STRUCT.LABEL_VARIANT", GK_SEV_WARNING, "标签与模板不一致", "表格标签不规范", 0, GK_RULE_TEXT},
    {"FEE.NOT_REPORTED", GK_SEV_WARNING, "未说明信息处理费收取情况", "未说明信息处理费", 0, GK_RULE_TEXT},
    {"YEAR.MISMATCH", GK_SEV_WARNING, "标题年份、统计期限与正文年份不一致", "年份不一致", 0, GK_RULE_TEXT},
    {"FORMAT.OUTDATED", GK_SEV_ERROR, "2021 年度起的报告仍使用 2019 年版格式", "使用旧版格式", 0, GK_RULE_TEXT},
    {"TITLE.FORM", GK_SEV_WARNING, "标题缺失、格式不规范或为报送函", "标题不规范", 0, GK_RULE_TEXT},
    {"YEAR.PERIOD", GK_SEV_WARNING, "统计期限不是全年", "统计期限不是全年", 0, GK_RULE_TEXT},
    {"DATE.LATE", GK_SEV_WARNING, "报告日期晚于次年1月31日", "发布逾期", 0, GK_RULE_TEXT},
    {"TEXT.SECTION5_THIN", GK_SEV_WARNING, "存在的主要问题及改进情况缺失或过于简略", "问题及改进情况空泛", 0, GK_RULE_TEXT},
    {"XYEAR.CARRY", GK_SEV_ERROR, "上年结转应等于上一年度报告的结转下年度", "结转数与上年不衔接", 0, GK_RULE_CELLSET},
    {"XYEAR.VALID", GK_SEV_WARNING, "现行有效件数应与上一年度衔接", "现行有效件数与上年不衔接", 0, GK_RULE_CELLSET},
    {"XYEAR.COPIED", GK_SEV_WARNING, "正文照搬上一年度报告", "照搬上年报告", 0, GK_RULE_TEXT},
    {"XYEAR.JUMP", GK_SEV_WARNING, "总数与上一年度相比变化异常", "数据较上年异常变化", 0, GK_RULE_CELLSET},
};

const gk_rule_def *template_rules(int *n)
{
    *n = (int)(sizeof RULES / sizeof RULES[0]);
    return RULES;
}

/* template_rule() looks an id up by a hash of its length and three of its
 * bytes (every finding names its rule: ~1 us a report by strcmp() down the
 * table), then compares it whole: exact.  The table is made once; a slot
 * holds a rule's index + 1, the next slots taken in turn on a collision. */
#define RULE_SLOTS 128                 /* a power of two, well over the rules */
static unsigned char rule_slot[RULE_SLOTS];
static pthread_once_t rule_slots_once = PTHREAD_ONCE_INIT;

static unsigned rule_hash(const char *id, size_t len)
{
    return (unsigned)(len * 31u + (unsigned char)id[0] * 7u + (unsigned char)id[len / 2] * 3u +
                      (unsigned char)id[len - 1]);
}

static void make_rule_slots(void)
{
    _Static_assert(sizeof RULES / sizeof RULES[0] < RULE_SLOTS / 2 && sizeof RULES / sizeof RULES[0] < 255,
                   "room for the rules");
    for (size_t i = 0; i < sizeof RULES / sizeof RULES[0]; i++) {
        unsigned h = rule_hash(RULES[i].id, strlen(RULES[i].id));
        while (rule_slot[h % RULE_SLOTS])
            h++;
        rule_slot[h % RULE_SLOTS] = (unsigned char)(i + 1);
    }
}

const gk_rule_def *template_rule(const char *id)
{
    size_t len = strlen(id);
    if (!len)
        return NULL;                   /* no rule has an empty id */
    pthread_once(&rule_slots_once, make_rule_slots);
    for (unsigned h = rule_hash(id, len);; h++) {
        int k = rule_slot[h % RULE_SLOTS];
        if (!k)
            return NULL;
        if (strcmp(RULES[k - 1].id, id) == 0)
            return &RULES[k - 1];
    }
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
    {"handled_total", "总计", "办理总计", "\\([七7]\\)总[计记]|^总[计记]$|^[七7][、.)）]?总[计记]", NULL, T3C}, \
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

/* The equations come from the schema's EQ_DEFS (below). */
typedef struct problems problems;
static void build_equations(gk_template *t, problems *pb);
static void build_cellsets(gk_template *t, problems *pb);

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
                    t->col_canon_len[ti][n] = strlen(t->col_canon[ti][n]);
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
            t->row_canon_len[ti][r] = strlen(t->row_canon[ti][r]);
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
        char *why = NULL;
        if (template_derive(&TPL[i], &why)) {   /* a name in the schema that no cell, row or column has */
            fprintf(stderr, "gkreview: the %s template names what it does not hold:\n%s", TPL[i].name, why);
            abort();
        }
        free(why);
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

gk_format template_year_format(int year)
{
    return year >= 2021 ? GK_FMT_2021 : year >= 2019 ? GK_FMT_2019 : GK_FMT_UNKNOWN;
}

/* ==== schema (issue 20): sections, table shapes, equations, cell sets ============
 * See template.h.  Everything here names rows and columns by key; a key
 * that a format does not hold is a problem template_derive() reports and
 * template_get() stops on. */

#include "re.h"

#include <stdarg.h>

const char *const GK_DETECT_2021_T3 = "逾期不补正|缴纳费用";
const char *const GK_HEADER_WORDS[] = {"自然人", "商业企业", "科研机构", "公益组织", "法律服务", "申请人情况", NULL};
/* Header cells over several columns of table 3 (no column's name): a cell with one
 * of these words between two naming columns is no column whose name was not read. */
const char *const GK_HEADER_GROUPS[] = {"法人或其他组织", "法人或者其他组织", "申请人情况", NULL};

/* ---- sections ---------------------------------------------------------------- */

/* A heading that fills its line: markup, an optional numeral, the words.
 * The section's own numeral may also name its part ("第二部分 主动公开政府信息
 * 情况").  A numeral in brackets makes no heading: "(二)主动公开政府信息情况" is
 * as often a subheading of section 一. */
#define SEC_PREFIX_OF(cn, d)                                                                     \
    "^[#>*\\s]*(?:(?:[一二三四五六]|[1-6])\\s*[、.,:]?\\s*|第\\s*(?:" cn "|" d ")\\s*部分\\s*[、.,:]?\\s*)?"
#define SEC_END "\\s*[#*]*\\s*$"

/* Each section's heading words, as reports word them ("三、收到和处理政府信息
 * 公开申请的情况", "四、因政府信息公开工作被申请行政复议、提起行政诉讼的情况",
 * "五、存在的问题和改进措施", "六、其它需要报告的事项"). */
#define W_TOTAL "总体(?:情况|概况)"
#define W_ACTIVE "主动公开(?:政府)?信息(?:工作)?(?:的)?情况"
#define W_APPLY "(?:收到(?:和|及|与)?处理(?:政府)?信息公开申请|依申请公开(?:政府)?信息)(?:工作)?(?:的)?情况"
#define W_REVIEW "因?(?:政府信息公开)?(?:工作)?被?(?:申请)?行政复议\\s*[、,和及与]?\\s*(?:提起)?行政诉讼(?:的)?情况"
#define W_PROBLEM "(?:政府信息公开)?(?:工作)?中?存在的?"
#define W_IMPROVE "(?:及|和|与|以及)其?(?:改进|整改)(?:情况|措施|计划|方向|举措|工作)?"
#define W_OTHER "其[他它]需要报告的事项"

/* A heading inside a line (a crawler joined the lines: "…工作。二、主动公开
 * 政府信息情况 …"): only with its own numeral and separator ("二、", "2、",
 * "2."), at the start of the line or after the end of a sentence, white
 * space or markup — so that neither a sentence that names the words nor a
 * subheading "（一）主动公开情况" is taken for one. */
#define MID_LEAD "(?:^|(?<=[。;!?:\\s#*>|\"]))[#*>\\s]*"
/* Its numeral: "四、", "4、" or "4." after such a lead; or "四、" right
 * after a digit, its markup between them — a table's last cell run into the
 * heading after the table ("1四、政府信息公开行政复议…": docx2txt ends a
 * table's last cell without a line break). */
#define MID_NUM(cn, d) "(?:" MID_LEAD "(?:" cn "\\s*、|" d "\\s*[、.])|(?<=[0-9０-９])[#*>\\s]*" cn "\\s*、)\\s*"

/* starts: how each section's heading words begin (a cheap test before the
 * pattern); a start may begin the words of two sections (政府信息公开…). */
static const gk_section_def SECTIONS[GK_NSECTIONS] = {
    {"一", "一、总体情况", "第一部分（总体情况）", SEC_PREFIX_OF("一", "1") W_TOTAL SEC_END,
     MID_NUM("一", "1") W_TOTAL, "总体", {"总体"}},
    {"二", "二、主动公开政府信息情况", "第二部分", SEC_PREFIX_OF("二", "2") W_ACTIVE SEC_END,
     MID_NUM("二", "2") W_ACTIVE, "主动公开", {"主动公开"}},
    {"三", "三、收到和处理政府信息公开申请情况", "第三部分", SEC_PREFIX_OF("三", "3") W_APPLY SEC_END,
     MID_NUM("三", "3") W_APPLY, "申请", {"收到", "依申请公开"}},
    {"四", "四、政府信息公开行政复议、行政诉讼情况", "第四部分", SEC_PREFIX_OF("四", "4") W_REVIEW SEC_END,
     MID_NUM("四", "4") W_REVIEW, "行政诉讼", {"行政复议", "因", "政府信息公开"}},
    {"五", "五、存在的主要问题及改进情况", "第五部分（存在的主要问题及改进情况）",
     SEC_PREFIX_OF("五", "5") W_PROBLEM "(?:主要问题.{0,12}|(?:主要)?问题" W_IMPROVE "\\s*[#*]*\\s*)$",
     MID_NUM("五", "5") W_PROBLEM "(?:主要)?问题(?:" W_IMPROVE ")?", "问题",
     {"政府信息公开", "工作", "存在"}},
    {"六", "六、其他需要报告的事项", "第六部分（其他需要报告的事项）", SEC_PREFIX_OF("六", "6") W_OTHER SEC_END,
     MID_NUM("六", "6") W_OTHER, "需要报告", {"其他需要", "其它需要"}},
};

const gk_section_def *template_sections(int *n)
{
    *n = GK_NSECTIONS;
    return SECTIONS;
}

/* ---- table shapes -------------------------------------------------------------- */

static const gk_table_shape TABLE_SHAPES[GK_NTABLES] = {
    {2, "表二", GK_SEC_ACTIVE, 0},
    {3, "表三", GK_SEC_APPLY, 0},
    {4, "表四", GK_SEC_REVIEW, 1},
};

const gk_table_shape *template_table_shape(int number)
{
    for (int i = 0; i < GK_NTABLES; i++)
        if (TABLE_SHAPES[i].number == number)
            return &TABLE_SHAPES[i];
    return NULL;
}

int template_table_ncells(const gk_template *t, int number)
{
    const gk_table_def *td = template_table(t, number);
    int n = 0;
    for (int r = 0; td && r < td->nrows; r++)
        n += td->rows[r].ncols;
    return n;
}

/* ---- equations ------------------------------------------------------------------- */

/* In this order: it matters only for which equation explains an inferred
 * value (the row total is the most natural explanation, then the sums). */
static const gk_eq_def EQ_DEFS[] = {
    {"T3.ROW_TOTAL", 3, 0, {"+total", "-*"}, "total", "%s行",
     "%s：总计为 %s，各类申请人之和为 %s（相差 %s）"},
    {"T3.HANDLED_SUM", 3, 1, {"+handled_total", "-@"}, "handled_total", "%s列",
     "%s：办理结果总计为 %s，各项办理结果之和为 %s（相差 %s）"},
    {"T3.BALANCE", 3, 1, {"+new", "+carried_in", "-handled_total", "-carried_out"}, "carried_out", "%s列",
     "%s：本年新收与上年结转之和为 %s，办理结果总计与结转下年度之和为 %s（相差 %s）"},
    {"T4.GROUP_TOTAL", 4, 0, {"+total", "-*"}, "total", "%s",
     "%s：总计为 %s，各结果之和为 %s（相差 %s）"},
};

const gk_eq_def *template_eq_defs(int *n)
{
    *n = (int)(sizeof EQ_DEFS / sizeof EQ_DEFS[0]);
    return EQ_DEFS;
}

/* ---- cell sets -------------------------------------------------------------------- */

static const gk_cellset_def CELLSETS[] = {
    /* message: the row's label, valid, issued, repealed */
    {"T2.VALID_GE", GK_FMT_2021, 2, {"rule", "normative"}, {"issued", "repealed", "valid"}, {NULL},
     {"%s：现行有效件数 %s 少于本年制发 %s 减废止 %s"}},
    /* rows GK_CARRY_IN, GK_CARRY_OUT; messages (this year's in, then out): the cell's label, this
     * year's value, the other year, its path, its value */
    {"XYEAR.CARRY", GK_FMT_UNKNOWN, 3, {"carried_in", "carried_out"}, {NULL}, {NULL},
     {"%s：本年度上年结转为 %s，而 %d 年度报告（%s）结转下年度为 %s",
      "%s：本年度结转下年度为 %s，而 %d 年度报告（%s）上年结转为 %s"}},
    /* message: the row's label, year Y, its valid, year Y-1, its valid, Y's issued, Y's repealed, the other's path */
    {"XYEAR.VALID", GK_FMT_2021, 2, {"rule", "normative"}, {"issued", "repealed", "valid"}, {NULL},
     {"%s：%d 年现行有效 %s ≠ %d 年现行有效 %s + 制发 %s − 废止 %s（对照 %s）"}},
    /* the totals compared; message: the cell's label, year Y, its value, year Y-1, its value, 增/降, the
     * factor, the limit twice, the other's path */
    {"XYEAR.JUMP", GK_FMT_UNKNOWN, 0, {NULL}, {NULL},
     {"t3.new.total", "t3.handled_total.total", "t4.review.total", "t4.suit_direct.total",
      "t4.suit_after_review.total", "t2.license.decisions", "t2.penalty.decisions", "t2.coercion.decisions"},
     {"%s：%d 年为 %s，%d 年为 %s，%s至 %.1f 倍（超过 %g 倍或不足 1/%g，请核实；对照 %s）"}},
};
#define NCELLSETS ((int)(sizeof CELLSETS / sizeof CELLSETS[0]))

/* ---- what each rule points at ----------------------------------------------------- */


gk_rule_kind template_rule_kind(const char *rule)
{
    const gk_rule_def *rd = template_rule(rule);
    return rd ? rd->kind : 0;
}

/* ---- resolving the names ---------------------------------------------------------- */

struct problems {
    sbuf b;
    int n;
};

static void problem(problems *pb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(problems *pb, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    sbuf_adds(&pb->b, line);
    sbuf_addc(&pb->b, '\n');
    pb->n++;
}

static int col_index(const gk_row_def *rd, const char *key)
{
    for (int c = 0; c < rd->ncols; c++)
        if (!strcmp(rd->cols[c].key, key))
            return c;
    return -1;
}

/* The cell of row r, column `key` of table `table`; a problem of `what` when there is none. */
static int cell_by_key(gk_template *t, int table, int r, const char *key, problems *pb, const char *what)
{
    const gk_row_def *rd = &template_table(t, table)->rows[r];
    int c = col_index(rd, key);
    if (c < 0) {
        problem(pb, "%s: %s format: no cell t%d.%s.%s", what, t->name, table, rd->key, key);
        return -1;
    }
    return template_cell_at(t, table, r, c);
}

static int term_names(const gk_eq_def *d, const char *key)
{
    for (int k = 0; k < GK_EQ_TERMS && d->terms[k]; k++)
        if (!strcmp(d->terms[k] + 1, key))
            return 1;
    return 0;
}

static void eq_term(gk_template *t, const gk_eq_def *d, gk_equation *e, int coef, int cell, problems *pb)
{
    if (cell < 0)
        return;                        /* reported where it was looked up */
    if (e->n >= GK_EQ_MAX) {
        problem(pb, "%s: %s format: more than %d cells in one equation", d->rule, t->name, GK_EQ_MAX);
        return;
    }
    e->cell[e->n] = cell;
    e->coef[e->n] = coef;
    e->n++;
}

static void build_equations(gk_template *t, problems *pb)
{
    for (size_t q = 0; q < sizeof EQ_DEFS / sizeof EQ_DEFS[0]; q++) {
        const gk_eq_def *d = &EQ_DEFS[q];
        const gk_table_def *td = template_table(t, d->table);
        if (!td) {
            problem(pb, "%s: no table %d", d->rule, d->table);
            continue;
        }
        int ti = d->table - 2, ncol = d->per_col ? t->ncol[ti] : td->nrows;
        for (int j = 0; j < ncol; j++) {   /* one equation per column (per_col) or per row */
            gk_equation *e = new_eq(t, d->rule);
            e->message = d->message;
            e->anchor = -1;
            const char *key = d->per_col ? t->col[ti][j]->key : NULL;
            for (int k = 0; k < GK_EQ_TERMS && d->terms[k]; k++) {
                int coef = d->terms[k][0] == '-' ? -1 : 1;
                const char *name = d->terms[k] + 1;
                if (!d->per_col) {     /* name: a column of row j */
                    const gk_row_def *rd = &td->rows[j];
                    if (!strcmp(name, "*")) {
                        for (int c = 0; c < rd->ncols; c++)
                            if (!term_names(d, rd->cols[c].key))
                                eq_term(t, d, e, coef, template_cell_at(t, d->table, j, c), pb);
                    } else {
                        eq_term(t, d, e, coef, cell_by_key(t, d->table, j, name, pb, d->rule), pb);
                    }
                    continue;
                }
                /* name: a row; the cell is its column `key` */
                for (int r = 0; r < td->nrows; r++) {
                    int take = !strcmp(name, "*")   ? !term_names(d, td->rows[r].key)
                               : !strcmp(name, "@") ? td->rows[r].group != NULL
                                                    : !strcmp(name, td->rows[r].key);
                    if (take)
                        eq_term(t, d, e, coef, cell_by_key(t, d->table, r, key, pb, d->rule), pb);
                }
                if (strcmp(name, "*") && strcmp(name, "@") && row_index(td, name) < 0)
                    problem(pb, "%s: %s format: no row t%d.%s", d->rule, t->name, d->table, name);
            }
            if (d->per_col) {
                int r = row_index(td, d->anchor);
                if (r < 0)
                    problem(pb, "%s: %s format: no anchor row t%d.%s", d->rule, t->name, d->table, d->anchor);
                else
                    e->anchor = cell_by_key(t, d->table, r, key, pb, d->rule);
                snprintf(e->what, sizeof e->what, d->what, t->col[ti][j]->short_label);
            } else {
                e->anchor = cell_by_key(t, d->table, j, d->anchor, pb, d->rule);
                snprintf(e->what, sizeof e->what, d->what, td->rows[j].short_label);
            }
            if (e->anchor < 0)
                e->anchor = e->n ? e->cell[0] : 0;   /* a problem was reported: the template will not be used */
            if (e->n < 2)
                problem(pb, "%s: %s format: an equation of %d cells (%s)", d->rule, t->name, e->n, e->what);
        }
    }
}

static void build_cellsets(gk_template *t, problems *pb)
{
    t->sets = xcalloc((size_t)NCELLSETS, sizeof *t->sets);
    t->nsets = 0;
    for (int i = 0; i < NCELLSETS; i++) {
        const gk_cellset_def *d = &CELLSETS[i];
        if (d->only != GK_FMT_UNKNOWN && d->only != t->format)
            continue;
        gk_cellset *s = &t->sets[t->nsets++];
        s->def = d;
        if (d->ids[0]) {               /* cell ids, one a row */
            s->ncols = 1;
            for (int r = 0; r < GK_SET_ROWS && d->ids[r]; r++) {
                s->cell[r][0] = template_cell_index(t, d->ids[r]);
                if (s->cell[r][0] < 0)
                    problem(pb, "%s: %s format: no cell %s", d->rule, t->name, d->ids[r]);
                s->nrows++;
            }
            continue;
        }
        const gk_table_def *td = template_table(t, d->table);
        if (!td || !d->rows[0]) {
            problem(pb, "%s: no table %d or no rows", d->rule, d->table);
            continue;
        }
        for (int r = 0; r < GK_SET_ROWS && d->rows[r]; r++) {
            int ri = row_index(td, d->rows[r]);
            s->nrows++;
            if (ri < 0) {
                problem(pb, "%s: %s format: no row t%d.%s", d->rule, t->name, d->table, d->rows[r]);
                for (int c = 0; c < GK_SET_COLS; c++)
                    s->cell[r][c] = -1;
                continue;
            }
            const gk_row_def *first = &td->rows[ri];
            if (r == 0 && !d->cols[0]) {    /* every column of the first row */
                s->ncols = first->ncols < GK_SET_COLS ? first->ncols : GK_SET_COLS;
                if (first->ncols > GK_SET_COLS)
                    problem(pb, "%s: %s format: more than %d columns", d->rule, t->name, GK_SET_COLS);
            } else if (r == 0) {
                while (s->ncols < GK_SET_COLS && d->cols[s->ncols])
                    s->ncols++;
            }
            const gk_row_def *head = &td->rows[row_index(td, d->rows[0]) >= 0 ? row_index(td, d->rows[0]) : ri];
            for (int c = 0; c < s->ncols; c++) {
                const char *key = d->cols[0] ? d->cols[c] : head->cols[c].key;
                s->cell[r][c] = cell_by_key(t, d->table, ri, key, pb, d->rule);
            }
        }
    }
}

const gk_cellset *template_cellset(const gk_template *t, const char *rule)
{
    for (int i = 0; i < t->nsets; i++)
        if (!strcmp(t->sets[i].def->rule, rule))
            return &t->sets[i];
    return NULL;
}

/* Every cell a narrative count (TEXT.MISMATCH) names in t's format exists. */
static void narr_cells_resolve(const gk_template *t, problems *pb)
{
    int nk;
    const gk_narr_count *K = template_narr_counts(&nk);
    for (int s = 0; s < nk; s++) {
        const char *const *ids = template_narr_cells(&K[s], t->format);
        for (int k = 0; ids[k]; k++)
            if (template_cell_index(t, ids[k]) < 0)
                problem(pb, "TEXT.MISMATCH: %s format: count %s: no cell %s", t->name, K[s].key, ids[k]);
    }
}

/* Each row's own equation: the first all of whose cells lie in the row. */
static void build_row_eqs(gk_template *t)
{
    for (int ti = 0; ti < GK_NTABLES; ti++) {
        const gk_table_def *td = &t->tables[ti];
        for (int r = 0; r < 32; r++)
            t->row_eq[ti][r] = -1;
        for (int r = 0; r < td->nrows && r < 32; r++) {
            int first = t->first_cell[ti][r], n = td->rows[r].ncols;
            for (int q = 0; q < t->neqs && t->row_eq[ti][r] < 0; q++) {
                const gk_equation *e = &t->eqs[q];
                int in = e->n > 0;
                for (int c = 0; c < e->n && in; c++)
                    in = e->cell[c] >= first && e->cell[c] < first + n;
                if (in)
                    t->row_eq[ti][r] = q;
            }
        }
    }
}

/* Each table's widest row, and whether every row is as wide (extract.c's
 * tokenize() asks for every table it reads). */
static void build_widths(gk_template *t)
{
    for (int ti = 0; ti < GK_NTABLES; ti++) {
        const gk_table_def *td = &t->tables[ti];
        int wide = 0, uniform = 1;
        for (int r = 0; r < td->nrows; r++)
            if (td->rows[r].ncols > wide)
                wide = td->rows[r].ncols;
        for (int r = 0; r < td->nrows; r++)
            uniform &= td->rows[r].ncols == wide;
        t->widest[ti] = wide;
        t->uniform[ti] = uniform;
    }
}

int template_derive(gk_template *t, char **problems_out)
{
    problems pb = {.n = 0};
    sbuf_init(&pb.b);
    build_cells(t);
    build_columns(t);
    build_id_hash(t);
    build_equations(t, &pb);
    build_row_eqs(t);
    build_widths(t);
    build_cellsets(t, &pb);
    narr_cells_resolve(t, &pb);
    if (problems_out)
        *problems_out = sbuf_steal(&pb.b);
    else
        sbuf_free(&pb.b);
    return pb.n;
}

void template_release(gk_template *t)
{
    for (int ti = 0; ti < 3; ti++) {
        for (int r = 0; r < t->tables[ti].nrows && r < 32; r++)
            free(t->row_canon[ti][r]);
        for (int c = 0; c < t->ncol[ti]; c++)
            free(t->col_canon[ti][c]);
    }
    free(t->cells);
    free(t->eqs);
    free(t->sets);
    t->cells = NULL;
    t->eqs = NULL;
    t->sets = NULL;
    t->ncells = t->neqs = t->nsets = 0;
}

/* ---- the walk (test_template) ----------------------------------------------------- */

/* 1 when pattern matches one of the labels (normalised, without spaces). */
static int matches_a_label(const char *pattern, const char *a, const char *b)
{
    const char *labels[2] = {a, b};
    int hit = 0;
    for (int k = 0; k < 2 && !hit; k++) {
        if (!labels[k])
            continue;
        char *canon = canon_label(labels[k]);
        hit = re_test(pattern, canon);
        free(canon);
    }
    return hit;
}

int template_walk(const gk_template *t, char **problems_out)
{
    problems pb = {.n = 0};
    sbuf_init(&pb.b);
    int nrules;
    const gk_rule_def *rules = template_rules(&nrules);
    /* every rule: a kind; its cells where it has some */
    for (int i = 0; i < nrules; i++) {
        const char *id = rules[i].id;
        gk_rule_kind kind = template_rule_kind(id);
        int found = 0, anywhere = 0;
        switch (kind) {
        case GK_RULE_EQUATION:
            for (int q = 0; q < t->neqs; q++)
                if (!strcmp(t->eqs[q].rule, id)) {
                    found++;
                    if (t->eqs[q].n < 2)
                        problem(&pb, "%s: %s format: an equation without cells", id, t->name);
                }
            if (!found)
                problem(&pb, "%s: %s format: an equation rule without equations", id, t->name);
            break;
        case GK_RULE_CELLSET:
            for (int s = 0; s < NCELLSETS; s++)
                anywhere += !strcmp(CELLSETS[s].rule, id);
            if (!anywhere)
                problem(&pb, "%s: a cell-set rule without a cell set", id);
            break;
        case GK_RULE_EACH_CELL:
        case GK_RULE_TEXT:
            break;
        default:
            problem(&pb, "%s: no kind in RULES (equation, cell set, each cell or text)", id);
        }
    }
    for (size_t q = 0; q < sizeof EQ_DEFS / sizeof EQ_DEFS[0]; q++)
        if (template_rule_kind(EQ_DEFS[q].rule) != GK_RULE_EQUATION)
            problem(&pb, "EQ_DEFS names %s, not an equation rule", EQ_DEFS[q].rule);
    for (int s = 0; s < NCELLSETS; s++)
        if (template_rule_kind(CELLSETS[s].rule) != GK_RULE_CELLSET)
            problem(&pb, "CELLSETS names %s, not a cell-set rule", CELLSETS[s].rule);
    /* every cell a set or an equation names exists */
    for (int s = 0; s < t->nsets; s++) {
        const gk_cellset *cs = &t->sets[s];
        if (!cs->nrows || !cs->ncols)
            problem(&pb, "%s: %s format: an empty cell set", cs->def->rule, t->name);
        for (int r = 0; r < cs->nrows; r++)
            for (int c = 0; c < cs->ncols; c++)
                if (cs->cell[r][c] < 0 || cs->cell[r][c] >= t->ncells)
                    problem(&pb, "%s: %s format: a cell of its set does not exist", cs->def->rule, t->name);
    }
    for (int q = 0; q < t->neqs; q++)
        for (int k = 0; k < t->eqs[q].n; k++)
            if (t->eqs[q].cell[k] < 0 || t->eqs[q].cell[k] >= t->ncells)
                problem(&pb, "%s: %s format: a cell of %s does not exist", t->eqs[q].rule, t->name, t->eqs[q].what);
    /* every pattern matches one of its labels */
    for (int ti = 0; ti < GK_NTABLES; ti++) {
        const gk_table_def *td = &t->tables[ti];
        if (!template_table_shape(td->number))
            problem(&pb, "table %d: no shape in TABLE_SHAPES", td->number);
        for (int r = 0; r < td->nrows; r++) {
            const gk_row_def *rd = &td->rows[r];
            if (re_check(rd->pattern) || !matches_a_label(rd->pattern, rd->label, rd->short_label))
                problem(&pb, "t%d.%s: %s format: its pattern matches none of its labels", td->number, rd->key,
                        t->name);
            for (int c = 0; c < rd->ncols; c++)
                if (re_check(rd->cols[c].pattern) || !matches_a_label(rd->cols[c].pattern, rd->cols[c].label, NULL))
                    problem(&pb, "t%d.%s.%s: %s format: the column's pattern does not match its label", td->number,
                            rd->key, rd->cols[c].key, t->name);
        }
    }
    int ng;
    const gk_group_def *groups = template_groups(&ng);
    for (int g = 0; g < ng; g++)
        if (re_check(groups[g].pattern) || !matches_a_label(groups[g].pattern, groups[g].label, NULL))
            problem(&pb, "group %s: its pattern does not match its label", groups[g].key);
    /* every heading pattern matches its heading */
    for (int k = 0; k < GK_NSECTIONS; k++) {
        const gk_section_def *sd = &SECTIONS[k];
        char *n = text_normalise(sd->name, strlen(sd->name));
        if (re_check(sd->pattern) || !re_test(sd->pattern, n))
            problem(&pb, "section %s: its pattern does not match its heading", sd->numeral);
        if (re_check(sd->mid_pattern) || !re_test(sd->mid_pattern, n) || !strstr(n, sd->mid_need))
            problem(&pb, "section %s: its mid-line pattern or needed word does not fit its heading", sd->numeral);
        const char *words = strstr(n, "、") ? strstr(n, "、") + strlen("、") : n;
        int starts = 0;
        for (int s = 0; s < GK_SEC_STARTS && sd->starts[s]; s++)
            starts += !strncmp(words, sd->starts[s], strlen(sd->starts[s]));
        if (!starts)
            problem(&pb, "section %s: none of its start words begins its heading", sd->numeral);
        free(n);
    }
    if (problems_out)
        *problems_out = sbuf_steal(&pb.b);
    else
        sbuf_free(&pb.b);
    return pb.n;
}

/* ---- narrative counts (TEXT.MISMATCH) -------------------------------------- */

/* Pieces of the patterns below (on normalised text: "，" is ",", "：" ":").
 * NUM: the number, Arabic ("12", "1,130") or a Chinese numeral ("十二",
 * "两"); UNIT: a count's measure word right after it, so "5%", "2023年" and
 * "3.5件" are not counts; FILL: the words that may stand between a noun and
 * its number ("共收到…申请共计6件").  GAP: a few characters inside one clause,
 * with no digit and none of the words of a change ("较上年增加5件") or an
 * ordinal ("第3件"), so the number read is the count itself. */
#define NARR_NUM "([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+|[" GK_NARR_NUMERALS "]+)"
#define NARR_UNIT "\\s*[件宗条个起项份]"
#define NARR_FILL "(?:共计?|合计|总计|共有|计|为|了)?\\s*"
#define NARR_GAP(n) "[^,。;:0-9增减降升比较第]{0," #n "}?"
/* a number standing first: not the tail of a longer one, nor an ordinal */
#define NARR_NUM_FIRST "(?<![0-9" GK_NARR_NUMERALS "第])" NARR_NUM
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
     BOTH("t3.new.total"),
     .pattern_need = {{"信息公开", "申请公开", NULL}, {"信息公开", "申请公开", NULL},
                      {"未收到", "未受理", "没有收到", "没有受理", NULL}}},
    {"carried_in", "上年结转", {"结转", NULL},
     {"上一?年度?结转(?:的)?" NARR_GAP(6) NARR_FILL NARR_NUM NARR_UNIT, NULL},
     BOTH("t3.carried_in.total"), .pattern_need = {{"年结转", "度结转", NULL}}},
    {"handled", "办结", {"办结", NULL},
     {"(?<!按时)(?<!按期)(?<!延期)(?<!逾期)(?<!超期)(?<!限期)(?<!当场)办结(?:了)?(?:政府信息公开|依申请公开)?(?:的)?(?:申请)?"
      NARR_FILL NARR_NUM NARR_UNIT, NULL},
     BOTH("t3.handled_total.total"), .pattern_need = {{NULL}}},
    {"granted", "予以公开", {"予以", NULL},
     {"(?<!不)予以公开(?:的)?" NARR_FILL NARR_NUM NARR_UNIT, NULL},
     BOTH("t3.granted.total"), .pattern_need = {{"予以公开", NULL}}},
    {"partial", "部分公开", {"部分", NULL},
     {"部分公开(?:的)?" NARR_FILL NARR_NUM NARR_UNIT, NULL},
     BOTH("t3.partial.total"), .pattern_need = {{"部分公开", NULL}}},
    /* only where it opens a clause: "因涉及第三方权益不予公开1件" is one row */
    {"denied", "不予公开", {"不予", NULL},
     {NARR_CLAUSE "不予以?公开(?:的)?" NARR_FILL NARR_NUM NARR_UNIT, NULL},
     BOTH(T3_DENY), .pattern_need = {{"不予公开", "不予以公开", NULL}}},
    {"carried_out", "结转下年度", {"结转", NULL},
     {"结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?(?:的)?" NARR_FILL NARR_NUM NARR_UNIT,
      NARR_NUM_FIRST NARR_UNIT "[^,。;:0-9增减降升比较第无未没办]{0,8}?结转(?:至|到)?下一?年", NULL},
     BOTH("t3.carried_out.total"), .pattern_need = {{"下年", "下一年", NULL}, {"下年", "下一年", NULL}},
     /* the unit, 8 characters, 结转 and 至 before 下(一)年 */
     .number_first = {0, 12}, .need_last = {0, 1}},
    {"review", "行政复议", {"行政复", NULL},
     {"行政复议(?:案件)?" NARR_FILL NARR_NUM NARR_UNIT,
      "(?:未发生|没有|无)[^,。;:0-9]{0,16}?行政复议" NARR_NOT_CORRECTED,
      "行政复议(?:案件)?(?:和|、|及|与)行政诉讼(?:案件)?(?:各|均为?)\\s*" NARR_NUM NARR_UNIT, NULL},
     BOTH("t4.review.total"), .pattern_need = {{NULL}, {"未发生", "没有", "无", NULL}, {"各", "均", NULL}}},
    {"suit", "行政诉讼", {"行政诉", NULL},
     {"行政诉讼(?:案件)?" NARR_FILL NARR_NUM NARR_UNIT,
      "(?:未发生|没有|无)[^,。;:0-9]{0,20}?行政诉讼" NARR_NOT_CORRECTED,
      "行政复议(?:案件)?(?:和|、|及|与)行政诉讼(?:案件)?(?:各|均为?)\\s*" NARR_NUM NARR_UNIT, NULL},
     BOTH("t4.suit_direct.total", "t4.suit_after_review.total"),
     .pattern_need = {{NULL}, {"未发生", "没有", "无", NULL}, {"各", "均", NULL}}},
    /* 纠错 of both: only after the line has spoken of 复议 or 诉讼 (a website's
     * 纠错 is another matter), at a clause's start */
    {"corrected", "纠错", {"纠错", NULL},
     {"(?:复议|诉讼)[^。;]{0,30}?(?:[,;:、]|其中|共)被?(?:依法)?纠错(?:的)?(?:案件)?" NARR_FILL NARR_NUM NARR_UNIT,
      "行政复议(?:和|、|及|与)行政诉讼(?:案件)?(?:中)?被?(?:依法)?纠错(?:的)?(?:案件)?" NARR_FILL NARR_NUM NARR_UNIT,
      "(?:未发生|没有|无)[^,。;:0-9]{0,10}?(?:行政复议|行政诉讼)[^,。;:0-9]{0,8}?被?纠错", NULL},
     BOTH(T4_CORRECTED), .pattern_need = {{"复议", "诉讼", NULL}, {"行政诉讼", NULL}, {"未发生", "没有", "无", NULL}}},
    {"review_corrected", "行政复议纠错", {"纠", NULL},
     {"行政复议(?:案件)?(?:中)?(?:被)?(?:依法)?(?:纠错|结果纠正|纠正)(?:的)?" NARR_FILL NARR_NUM NARR_UNIT, NULL},
     BOTH("t4.review.corrected"), .pattern_need = {{"行政复议", NULL}}},
    {"suit_corrected", "行政诉讼纠错", {"纠", NULL},
     {"(?<!复议、)(?<!复议和)(?<!复议及)(?<!复议与)行政诉讼(?:案件)?(?:中)?(?:被)?(?:依法)?(?:纠错|结果纠正|纠正)(?:的)?"
      NARR_FILL NARR_NUM NARR_UNIT, NULL},
     BOTH(T4_SUIT_CORRECTED), .pattern_need = {{"行政诉讼", NULL}}},
    /* every piece of information published: neither format's table 2 has
     * that total (2019's 本年新公开数量 counts 规章 and 规范性文件 only), so
     * it is read and not checked */
    {"active", "主动公开信息", {"主动公开", NULL},
     {"主动公开(?:发布)?(?:政府)?信息" NARR_FILL NARR_NUM NARR_UNIT, NULL},
     {{NULL}, {NULL}}, .pattern_need = {{"信息", NULL}}},
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

/* ---- the words of the text around the tables ------------------------------------- */

#define TITLE_YEAR "(20\\d\\d|[二][〇零○O][一二三四五六七八九〇零○][〇零○一二三四五六七八九])"

static const char *const REPORT_WORDS[] = {
    "本年新收", "上年结转", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "结转下年度",
    "行政复议", "行政诉讼", "主动公开政府信息", "本年制发件数", "现行有效件数", "处理决定数量", "信息公开申请",
    "申请人情况", "结果维持", "尚未审结", NULL,
};

const gk_text_words GK_TEXT = {
    .body_end = "(?:人民政府|政府|办公室|办公厅|局|委员会|委|办事处|街道|镇|乡|厅|署|中心|院|馆|所|站|社|会|队)$",
    .body_by = "本报告由\\s*([^,。;:]{2,40}?)\\s*(?:负责)?(?:编制|编写|制作|发布|起草)",
    .date_line = "^\\s*(?:20\\d\\d|[二][〇零○O][一二三四五六七八九〇零○]{2})\\s*年\\s*\\S{1,3}\\s*月\\s*\\S{1,3}\\s*日\\s*$",
    .quoted_title = "《([^《》]{0,60}?)" TITLE_YEAR "\\s*年度?\\s*([^《》年]{0,60}?)\\s*(?:政府)?(?:信息公开|政务公开)"
                    "[^《》]{0,20}?报告》",
    .title_line = TITLE_YEAR "\\s*年度?\\s*([^年]{0,60}?)\\s*(?:政府)?(?:信息公开|政务公开)",
    .period_start = "统计(?:期限|时限|区间|周期)[^。]{0,12}?(20\\d\\d)\\s*年\\s*1\\s*月\\s*1\\s*日",
    .fee = "信息处理费|处理费|收取[^。]{0,8}费|收费|费用",
    .report_words = REPORT_WORDS,
};

/* ---- the words of the text rules ----------------------------------------------- */

#define CN_DIGIT "[〇零○O一二三四五六七八九]"
#define CN_SMALL "[一二三四五六七八九十]{1,3}"

static const char *const PROBLEM_WORDS[] = {
    "问题", "不足", "短板", "差距", "薄弱", "欠缺", "不够", "不高", "不强", "不到位", "不及时", "不全面",
    "不规范", "不充分", "不平衡", "不完善", "滞后", "有待", "仍需", "尚需", "还需", "较少", "单一", NULL,
};
static const char *const IMPROVE_WORDS[] = {
    "改进", "整改", "加强", "提升", "提高", "完善", "推进", "下一步", "今后", "将进一步", "将继续", "持续",
    "强化", "优化", "措施", "规范", NULL,
};

static const char *const WANTING_PRE[] = {"有待", "还需", "仍需", "尚需", "亟待", "需要", "不够", "不", NULL};
static const char *const WANTING_POST[] = {"加强", "提升", "提高", "完善", "改进", "优化", "规范", "强化", "推进", NULL};

const gk_narr_words GK_NARR_WORDS = {
    .date_arabic = "(20\\d\\d)\\s*(?:年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日|[-./]\\s*(\\d{1,2})\\s*[-./]\\s*(\\d{1,2})(?!\\d))",
    .date_chinese = "(二" CN_DIGIT "{3})\\s*年\\s*(" CN_SMALL ")\\s*月\\s*(" CN_SMALL ")\\s*日",
    .period = "统计(?:期限|时限|区间|周期|时段|时间|范围)[^。]{0,16}?"
              "(20\\d\\d)\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日[^。\\d]{0,8}?"
              "(?:(20\\d\\d)\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日",
    .date_label = "(?:发布|成文|印发|公开)(?:日期|时间)\\s*[:]?\\s*",
    .year_first = "^(?:20\\d\\d|二" CN_DIGIT "{3})年",
    .title_debris = "^(?:发布|来源|索引|浏览|时间|日期|字号|\\d|[\\[(【])",
    .letter_title = "^关于.{0,80}(?:报告|情况).{0,6}的(?:函|报告|请示)$|^.{2,60}函$|〔20\\d\\d〕\\d+号$",
    .report_title = "^.{0,60}20\\d\\d年度?政府信息公开工作年度报告$",
    .letter_body = "特此函(?:告|达|复)|现(?:将|把)[^。]{0,60}年度报告[^。]{0,20}(?:报送|呈报|上报|报来)[^。]{0,20}请",
    .title_form = "^(.+?)(?:20\\d\\d|二" CN_DIGIT "{3})年度?政府信息公开工作年度报告$|"
                  "^(?:20\\d\\d|二" CN_DIGIT "{3})年度?(.+?)政府信息公开工作年度报告$",
    .subheading = "^[#*>\\s]*(?:[一二三四五六]\\s*、|\\d\\s*[、.])?[^。]{0,60}?(?:情况|事项|措施|举措|计划|方向)\\s*[:。]?",
    .nothing = "^(?:无|暂无|没有|本年度无|无相关情况)$",
    .wanting = "(?:有待|还需|仍需|尚需|亟待|需要|不够|不)(?:进一步)?(?:加强|提升|提高|完善|改进|优化|规范|强化|推进)",
    .wanting_pre = WANTING_PRE,
    .wanting_further = "进一步",
    .wanting_post = WANTING_POST,
    .problem = PROBLEM_WORDS,
    .improve = IMPROVE_WORDS,
};
