#!/bin/sh
# suite_layers.sh — the house's layering, checked on the source itself:
#   - src/ (the engine) includes nothing from ui/ and never curses;
#   - no include cycle among src/ modules (module X = src/X.c + src/X.h and the
#     files of its family src/X_*.{c,h}, e.g. input_html.c and input_out.h are
#     parts of input; X uses Y when any of its files includes "Y.h"), so the
#     model, extraction, rules and the pipeline do not call each other in a circle;
#   - the front-end models (ui/model/) never include curses either.
# Each check prints what breaks it.
cd "$(dirname "$0")/.." || exit 1
pass=0
fail=0
ok() { echo "ok - $1"; pass=$((pass + 1)); }
nok() { echo "not ok - $1"; printf '%s\n' "$2" | sed 's/^/#   /'; fail=$((fail + 1)); }

# a file's module: its name, or the family's (input_out -> input)
module() {
    m=$1
    p=${m%%_*}
    if [ "$p" != "$m" ] && { [ -f "src/$p.c" ] || [ -f "src/$p.h" ]; }; then m=$p; fi
    echo "$m"
}

# the engine's modules, and the edges among them
edges() {
    for f in src/*.c src/*.h; do
        b=$(basename "$f"); m=$(module "${b%.*}")
        sed -n 's/^#include "\([A-Za-z0-9_]*\)\.h".*/\1/p' "$f" | while read -r h; do
            [ -f "src/$h.h" ] || continue
            t=$(module "$h")
            [ "$t" = "$m" ] || echo "$m $t"
        done
    done | sort -u
}

e=$(edges)
[ -n "$e" ] && n=$(printf '%s\n' "$e" | wc -l) || n=0
if [ "$n" -lt 20 ]; then
    nok "layers: the include graph was read ($n edges)" "$e"
else
    ok "layers: the include graph was read ($n edges)"
fi

# tsort names a loop on stderr; list the modules of each loop it finds
loop=$(printf '%s\n' "$e" | tsort 2>&1 >/dev/null)
if [ -n "$loop" ]; then
    nok "layers: no include cycle among src/ modules" "$loop"
else
    ok "layers: no include cycle among src/ modules"
fi

# and the check can fail: an edge back from the model to the pipeline is a loop
loop=$(printf '%s\nreport pipeline\n' "$e" | tsort 2>&1 >/dev/null)
if [ -n "$loop" ]; then
    ok "layers: a loop (report -> pipeline) is detected"
else
    nok "layers: a loop (report -> pipeline) is detected" "tsort saw none"
fi

bad=$(grep -ln '#include *[<"]\(n\?curses\|ncursesw/\|panel\.h\|tui\.h\|draw\.h\|view_\|cli\|app\.h\)' src/*.c src/*.h 2>/dev/null)
if [ -n "$bad" ]; then
    nok "layers: src/ includes nothing of ui/ and no curses" "$bad"
else
    ok "layers: src/ includes nothing of ui/ and no curses"
fi

bad=$(grep -ln '#include *<n\?curses' ui/model/*.c ui/model/*.h ui/cli/*.c ui/cli/*.h 2>/dev/null)
if [ -n "$bad" ]; then
    nok "layers: ui/model/ and ui/cli/ draw nothing with curses" "$bad"
else
    ok "layers: ui/model/ and ui/cli/ draw nothing with curses"
fi

echo "# layers: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
