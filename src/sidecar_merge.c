/* sidecar_merge.c — the three-way merge of a save: what this process changed
 * since it read the file (each entry keeps its base, the entry as read;
 * removed entries wait in rv->gone), what the file holds now, and the bases.
 * An entry only one side changed takes that side's version; one both changed
 * keeps the later as its value and the other as a conflicting version.  The
 * review state goes the same way.  Times are compared as instants. */
#include "sidecar_int.h"

#include <math.h>
#include <stdio.h>

/* ---- times ---------------------------------------------------------------------------------------- */

/* Seconds since 1970 of "2024-05-01T08:30:00Z" or "…+08:00" / "…-05:00";
 * 0 when it is not such a time. */
static int iso_seconds(const char *s, long long *out)
{
    int y, mo, d, h, mi, se, n = 0;
    if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &se, &n) != 6 || n != 19)
        return 0;
    long long off = 0;
    const char *z = s + 19;
    if (*z == '+' || *z == '-') {
        int oh, om, k = 0;
        if (sscanf(z + 1, "%2d:%2d%n", &oh, &om, &k) != 2 || k != 5 || z[6])
            return 0;
        off = (z[0] == '-' ? -1 : 1) * (oh * 3600LL + om * 60LL);
    } else if (strcmp(z, "Z") != 0) {
        return 0;
    }
    /* days from the civil date (proleptic Gregorian), 1970-01-01 = 0 */
    int yy = y - (mo <= 2);
    long long era = (yy >= 0 ? yy : yy - 399) / 400;
    long long yoe = yy - era * 400, doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long days = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
    *out = days * 86400 + h * 3600LL + mi * 60LL + se - off;
    return 1;
}

int sidecar_time_after(const char *a, const char *b)
{
    long long ta, tb;
    if (iso_seconds(a, &ta) && iso_seconds(b, &tb))
        return ta > tb;
    return cmp0(a ? a : "", b ? b : "") > 0;
}

/* ---- entries ------------------------------------------------------------------------------------ */

/* Adds alt a to e unless it is e's own payload or already there. */
static void merge_alt(gk_rv_entry *e, const char *text, const char *who, const char *when)
{
    gk_rv_alt a = {(char *)text, (char *)who, (char *)when};
    gk_rv_entry probe = {.kind = e->kind, .text = (char *)text};
    if (e->kind == GK_RV_CORRECTION && sc_parse_number(text, &probe.value, NULL) != 0)
        probe.value = NAN;
    if (sc_same_payload(e, &probe) || sc_has_alt(e, &a))
        return;
    sc_add_alt(e, text, who, when);
}

/* Both sides changed one entry: keep the newer as the value, the other as a
 * conflicting version (unless both say the same). */
static gk_rv_entry combine(const gk_rv_entry *ours, const gk_rv_entry *theirs)
{
    const gk_rv_entry *first = sidecar_time_after(theirs->when, ours->when) ? theirs : ours;
    const gk_rv_entry *second = first == ours ? theirs : ours;
    gk_rv_entry r = sc_entry_copy(first);
    merge_alt(&r, second->text, second->who, second->when);
    for (int i = 0; i < second->nalts; i++)
        merge_alt(&r, second->alts[i].text, second->alts[i].who, second->alts[i].when);
    return r;
}

static void merge_entries(gk_review *rv, const sc_file *disk, int same_origin, gk_rv_entry **outv, int *outn)
{
    gk_rv_entry *v = NULL;
    int n = 0;
    char *used = xcalloc((size_t)disk->nentries + 1, 1);
    for (int i = 0; i < rv->nentries; i++) {
        const gk_rv_entry *o = &rv->entries[i];
        const gk_rv_entry *b = same_origin ? o->base : NULL;
        gk_rv_entry *d = sc_find_sorted(disk->entries, disk->nentries, o->kind, o->rule, o->cell);
        if (!d) {
            if (b && sc_same_content(o, b))
                continue;              /* another writer removed it, we did not touch it */
            sc_push(&v, &n, sc_entry_copy(o));
            continue;
        }
        used[d - disk->entries] = 1;
        if (b && sc_same_content(d, b))
            sc_push(&v, &n, sc_entry_copy(o));   /* only we changed it (or nobody) */
        else if (b && sc_same_content(o, b))
            sc_push(&v, &n, sc_entry_copy(d));   /* only they changed it */
        else if (sc_same_content(o, d))
            sc_push(&v, &n, sc_entry_copy(o));
        else
            sc_push(&v, &n, combine(o, d));
    }
    for (int i = 0; i < rv->ngone; i++) {
        const gk_rv_entry *g = &rv->gone[i];
        gk_rv_entry *d = sc_find_sorted(disk->entries, disk->nentries, g->kind, g->rule, g->cell);
        if (!d || used[d - disk->entries])
            continue;
        used[d - disk->entries] = 1;
        if (same_origin && g->base && sc_same_content(d, g->base))
            continue;                  /* our removal */
        sc_push(&v, &n, sc_entry_copy(d));   /* changed by another writer since: kept */
    }
    for (int i = 0; i < disk->nentries; i++)
        if (!used[i])
            sc_push(&v, &n, sc_entry_copy(&disk->entries[i]));
    free(used);
    if (n > 1)
        qsort(v, (size_t)n, sizeof *v, sc_cmp_entries);
    *outv = v;
    *outn = n;
}

/* ---- the review state ------------------------------------------------------------------------------ */

static int same_state(gk_review_state s1, const char *w1, const char *t1, gk_review_state s2, const char *w2,
                      const char *t2)
{
    return s1 == s2 && eq0(w1, w2) && eq0(t1, t2);
}

static void merge_state(gk_review *rv, const sc_file *disk, int same_origin)
{
    int theirs_changed = !same_origin || !same_state(disk->state, disk->state_who, disk->state_when, rv->base_state,
                                                     rv->base_state_who, rv->base_state_when);
    int ours_changed = !same_origin || !same_state(rv->state, rv->state_who, rv->state_when, rv->base_state,
                                                   rv->base_state_who, rv->base_state_when);
    if (!theirs_changed)
        return;
    if (!ours_changed || sidecar_time_after(disk->state_when, rv->state_when)) {
        rv->state = disk->state;
        set_str(&rv->state_who, disk->state_who);
        set_str(&rv->state_when, disk->state_when);
    }
}

void sc_merge(gk_review *rv, const sc_file *disk, int same_origin, gk_rv_entry **outv, int *outn)
{
    merge_entries(rv, disk, same_origin, outv, outn);
    merge_state(rv, disk, same_origin);
}
