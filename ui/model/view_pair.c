/* view_pair.c — two years of one body side by side (see view_pair.h). */
#include "view_pair.h"
#include "narrative.h"
#include "pipeline.h"
#include "sidecar.h"
#include "util.h"
#include "view_cells.h"
#include "walk.h"
#include "xyear.h"

#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>


const char *view_pair_section_name(int k)
{
    int n;
    const gk_section_def *sec = template_sections(&n);
    return k >= 0 && k < VP_SECTIONS && k < n ? sec[k].name : "";
}

const char *view_pair_link_mark(vp_link_state s)
{
    return s == VP_LINK_EQUAL ? "=" : s == VP_LINK_DIFFERENT ? "≠" : "?";
}

const char *view_pair_change_text(const vp_row *row, char *buf, size_t n)
{
    if (!row->has_change) {
        snprintf(buf, n, "%s", "");
        return buf;
    }
    char v[32];
    report_format_value(fabs(row->change), v, sizeof v);
    snprintf(buf, n, "%s%s", row->change > 1e-9 ? "+" : row->change < -1e-9 ? "-" : "", v);
    return buf;
}

int view_pair_share(const view_pair *p, int k, int y)
{
    const vp_section_year *s = &p->sec[k][y];
    return s->n ? s->nrep * 100 / s->n : -1;
}

/* ---- tables ----------------------------------------------------------------------------- */

static void add_row(view_pair *p, const gk_report *rep[2], const gk_cell_def *def)
{
    p->rows = xrealloc(p->rows, (size_t)(p->nrows + 1) * sizeof *p->rows);
    vp_row *row = &p->rows[p->nrows++];
    memset(row, 0, sizeof *row);
    row->id = def->id;
    row->label = def->label;
    row->table = def->table;
    row->link = -1;
    for (int y = 0; y < 2; y++) {
        const gk_report *r = rep[y];
        int c = r->tpl ? template_cell_index(r->tpl, def->id) : -1;
        row->cell[y] = c;
        if (c < 0)
            continue;
        row->known[y] = r->cells[c].status != GK_ST_MISSING;
        row->value[y] = r->cells[c].value;
        view_cell_text(r, c, row->text[y], sizeof row->text[y]);
    }
    row->has_change = row->known[0] && row->known[1];
    row->change = row->has_change ? row->value[1] - row->value[0] : 0;
}

static int row_of(const view_pair *p, const char *id)
{
    for (int i = 0; i < p->nrows; i++)
        if (!strcmp(p->rows[i].id, id))
            return i;
    return -1;
}

static int cmp_row(const void *a, const void *b)
{
    const vp_row *x = a, *y = b;
    if (x->table != y->table)
        return x->table - y->table;
    return 0;
}

static void build_rows(view_pair *p, const gk_report *rep[2])
{
    /* the open report's template in its order, then the cells only the other's has */
    const gk_report *first = rep[p->mine], *second = rep[!p->mine];
    if (first->tpl)
        for (int c = 0; c < first->tpl->ncells; c++)
            add_row(p, rep, &first->tpl->cells[c]);
    if (second->tpl && second->tpl != first->tpl)
        for (int c = 0; c < second->tpl->ncells; c++)
            if (!first->tpl || template_cell_index(first->tpl, second->tpl->cells[c].id) < 0)
                add_row(p, rep, &second->tpl->cells[c]);
    /* keep the tables together (a stable order inside each: insertion sort) */
    for (int i = 1; i < p->nrows; i++) {
        vp_row t = p->rows[i];
        int j = i;
        while (j > 0 && cmp_row(&p->rows[j - 1], &t) > 0) {
            p->rows[j] = p->rows[j - 1];
            j--;
        }
        p->rows[j] = t;
    }
}

static vp_link *add_link(view_pair *p, int carry)
{
    p->links = xrealloc(p->links, (size_t)(p->nlinks + 1) * sizeof *p->links);
    vp_link *l = &p->links[p->nlinks++];
    memset(l, 0, sizeof *l);
    l->carry = carry;
    return l;
}

static const char *val(const vp_row *r, int y, char *buf, size_t n)
{
    if (!r->known[y])
        snprintf(buf, n, "%s", VIEW_TEXT_MISSING);
    else
        report_format_value(r->value[y], buf, n);
    return buf;
}

/* The pair row of a template cell set's cell (-1: none). */
static int set_row(const view_pair *p, const gk_template *t, const gk_cellset *set, int r, int c)
{
    int cell = set->cell[r][c];
    return cell < 0 ? -1 : row_of(p, t->cells[cell].id);
}

/* The links are the cross-year rules' cell sets (XYEAR.CARRY, XYEAR.VALID) in
 * the later year's template, as that report's check reads them. */
static void build_links(view_pair *p, const gk_template *t)
{
    char a[32], b[32], c[32], d[32];
    const gk_cellset *carry = t ? template_cellset(t, "XYEAR.CARRY") : NULL;
    for (int k = 0; carry && k < carry->ncols; k++) {
        int out = set_row(p, t, carry, GK_CARRY_OUT, k);
        int in = set_row(p, t, carry, GK_CARRY_IN, k);
        if (out < 0 || in < 0)
            continue;
        vp_link *l = add_link(p, 1);
        const vp_row *ro = &p->rows[out], *ri = &p->rows[in];
        l->row[0] = out;
        l->row[1] = in;
        l->want = ro->value[0];
        l->got = ri->value[1];
        l->state = !ro->known[0] || !ri->known[1]   ? VP_LINK_UNKNOWN
                   : fabs(l->want - l->got) < 1e-6 ? VP_LINK_EQUAL
                                                   : VP_LINK_DIFFERENT;
        snprintf(l->text, sizeof l->text, "%s %s  %d年 %s，%d年结转下年度 %s", view_pair_link_mark(l->state), ri->label,
                 p->year[1], val(ri, 1, a, sizeof a), p->year[0], val(ro, 0, b, sizeof b));
        p->rows[out].link = p->rows[in].link = p->nlinks - 1;
    }
    const gk_cellset *valid = t ? template_cellset(t, "XYEAR.VALID") : NULL;
    for (int k = 0; valid && k < valid->nrows; k++) {
        static const int COLS[3] = {GK_VALID_VALID, GK_VALID_ISSUED, GK_VALID_REPEALED};
        int rows[3], ok = 1;
        for (int j = 0; j < 3; j++) {
            rows[j] = set_row(p, t, valid, k, COLS[j]);
            ok = ok && rows[j] >= 0;
        }
        if (!ok || p->rows[rows[0]].cell[0] < 0 || p->rows[rows[0]].cell[1] < 0)
            continue;                  /* the 2019 format has no such chain */
        const vp_row *rv = &p->rows[rows[0]], *ri = &p->rows[rows[1]], *rr = &p->rows[rows[2]];
        vp_link *l = add_link(p, 0);
        l->row[0] = l->row[1] = rows[0];
        int known = rv->known[0] && rv->known[1] && ri->known[1] && rr->known[1];
        l->want = rv->value[0] + ri->value[1] - rr->value[1];
        l->got = rv->value[1];
        l->state = !known ? VP_LINK_UNKNOWN : fabs(l->want - l->got) < 1e-6 ? VP_LINK_EQUAL : VP_LINK_DIFFERENT;
        char w[32];
        if (known)
            report_format_value(l->want, w, sizeof w);
        else
            snprintf(w, sizeof w, "%s", VIEW_TEXT_MISSING);
        snprintf(l->text, sizeof l->text, "%s %s  %d年 %s + 制发 %s − 废止 %s = %s，%d年 %s",
                 view_pair_link_mark(l->state), rv->label, p->year[0], val(rv, 0, a, sizeof a),
                 val(ri, 1, b, sizeof b), val(rr, 1, c, sizeof c), w, p->year[1], val(rv, 1, d, sizeof d));
        p->rows[rows[0]].link = p->nlinks - 1;
    }
}

/* ---- narrative ------------------------------------------------------------------------------ */

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void build_sections(view_pair *p, const gk_report *rep[2])
{
    for (int k = 0; k < VP_SECTIONS; k++) {
        gk_sentence *st[2] = {NULL, NULL};
        int n[2] = {0, 0};
        uint64_t *h[2] = {NULL, NULL};
        for (int y = 0; y < 2; y++) {
            p->sec[k][y].present = rep[y]->section_line[k] > 0;
            if (rep[y]->text && !VP_TABLE_SECTION(k))
                st[y] = narrative_sentences(rep[y], k, &n[y]);
            h[y] = xmalloc((size_t)(n[y] ? n[y] : 1) * sizeof *h[y]);
            for (int i = 0; i < n[y]; i++)
                h[y][i] = st[y][i].hash;
            qsort(h[y], (size_t)n[y], sizeof *h[y], cmp_u64);
        }
        for (int y = 0; y < 2; y++) {
            vp_section_year *s = &p->sec[k][y];
            s->n = n[y];
            s->s = xcalloc((size_t)(n[y] ? n[y] : 1), sizeof *s->s);
            for (int i = 0; i < n[y]; i++) {
                s->s[i].text = xstrdup(st[y][i].text);
                s->s[i].line = st[y][i].line;
                s->s[i].repeated =
                    n[!y] && bsearch(&st[y][i].hash, h[!y], (size_t)n[!y], sizeof *h[!y], cmp_u64) != NULL;
                s->nrep += s->s[i].repeated;
            }
        }
        for (int y = 0; y < 2; y++) {
            narrative_sentences_free(st[y], n[y]);
            free(h[y]);
        }
    }
}

/* ---- the pair ------------------------------------------------------------------------------------ */

void view_pair_init(view_pair *p, const gk_report *r, gk_report *partner)
{
    memset(p, 0, sizeof *p);
    p->partner = partner;
    /* the open report is the later one unless the partner's year is after it */
    p->mine = partner->year && r->year && partner->year > r->year ? 0 : 1;
    const gk_report *rep[2];
    rep[p->mine] = r;
    rep[!p->mine] = partner;
    for (int y = 0; y < 2; y++) {
        p->year[y] = rep[y]->year;
        p->path[y] = xstrdup(rep[y]->path ? rep[y]->path : "");
    }
    build_rows(p, rep);
    build_links(p, rep[1]->tpl);
    build_sections(p, rep);
}

void view_pair_free(view_pair *p)
{
    report_free(p->partner);
    for (int y = 0; y < 2; y++)
        free(p->path[y]);
    free(p->rows);
    free(p->links);
    for (int k = 0; k < VP_SECTIONS; k++)
        for (int y = 0; y < 2; y++) {
            for (int i = 0; i < p->sec[k][y].n; i++)
                free(p->sec[k][y].s[i].text);
            free(p->sec[k][y].s);
        }
    memset(p, 0, sizeof *p);
}

gk_report *view_pair_open(const char *path, char **why)
{
    gk_report *r = report_open(path, why);
    if (!r)
        return NULL;
    gk_review *rv = NULL;
    char *warn = NULL;
    if (sidecar_load(path, &rv, &warn) == 0 && rv)
        report_review(rv, r, NULL);   /* the reviewer's corrections, as `check` reads them; nothing saved */
    free(warn);
    sidecar_free(rv);
    return r;
}

/* ---- finding the partner in a folder ------------------------------------------------------------ */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char *view_pair_find_in_folder(const char *path, const char *body, int year)
{
    if (!path || !year || !body || !*body)
        return NULL;
    const char *slash = strrchr(path, '/');
    char *dir = slash ? xstrndup(path, (size_t)(slash - path + (slash == path))) : xstrdup(".");
    struct stat self;
    int have_self = stat(path, &self) == 0;
    DIR *d = opendir(dir);
    if (!d) {
        free(dir);
        return NULL;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !walk_is_report_name(e->d_name))
            continue;
        names = xrealloc(names, (n + 1) * sizeof *names);
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    char *key = xyear_body_key(body), *found = NULL;
    int found_year = 0;
    for (size_t i = 0; i < n && found_year != year - 1; i++) {
        char *p = xasprintf("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
        struct stat st;
        char *b = NULL;
        int y = 0;
        if (stat(p, &st) == 0 && S_ISREG(st.st_mode) &&
            !(have_self && st.st_dev == self.st_dev && st.st_ino == self.st_ino) &&
            report_peek(p, &b, &y, NULL) == 0 && (y == year - 1 || (y == year + 1 && !found))) {
            char *k = xyear_body_key(b);
            if (k[0] && !strcmp(k, key)) {
                free(found);
                found = p;
                found_year = y;
                p = NULL;
            }
            free(k);
        }
        free(b);
        free(p);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    free(key);
    free(dir);
    return found;
}
