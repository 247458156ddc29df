# Sourced by the scripts that run benchmarks.jar with defaults the caller may replace.
# given NAME...: true when the caller's options (the array "extra") give one of these names, as "-r 5s", "-r5s"
# or "--measurement-time=5s".
given() {
    local arg name
    for arg in "${extra[@]}"; do
        for name in "$@"; do
            if [[ $arg == "$name" || $arg == "$name="* ]]; then
                return 0
            fi
            if [[ $name != --* && $arg == "$name"[0-9]* ]]; then
                return 0
            fi
        done
    done
    return 1
}
