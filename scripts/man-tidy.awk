# Tidies one mdoc page from generate-manual for man(1); see scripts/man-pages, which runs it
# with is_root (the program's own page), has_subcommands, and exit_file (the program's
# EXIT STATUS text: written from the root page, read for the subcommand pages).

function out(line) {
    if (collecting) exit_text = exit_text line "\n"
    else print line
}

function close_literal() {
    if (in_literal) { out(".Ed"); in_literal = 0 }
}

function flush_see_also(    i) {
    if (see_also_count == 0) return
    print ".Sh \"SEE ALSO\""
    for (i = 1; i <= see_also_count; i++) print see_also[i] (i < see_also_count ? " ," : "")
    see_also_count = 0
}

BEGIN { section = ""; exit_text = "" }

# Sections: remember where we are; the description's text ends at its first list or section.
/^\.Sh / {
    close_literal(); pending_paragraph = 0; saw_text = 0
    collecting = 0
    if (section == "SEE ALSO") flush_see_also()
    section = $0
    sub(/^\.Sh /, "", section); gsub(/"/, "", section)
    if (section == "SEE ALSO") next
    print
    next
}

section == "SEE ALSO" {
    if ($0 ~ /^\.Xr [^ ]*\.help 1/) next
    line = $0; sub(/ ,$/, "", line)
    see_also[++see_also_count] = line
    next
}

section == "SYNOPSIS" && $0 == ".Ar subcommand" && is_root && !has_subcommands { next }

section == "EXIT STATUS" && $0 == ".Ex -std" {
    if (!is_root) {
        exit_text = ""
        while ((getline line < exit_file) > 0) exit_text = exit_text line "\n"
    }
    if (exit_text == "") print
    else printf "%s", exit_text
    next
}

# The discussion's exit-status block moves to the EXIT STATUS section (root page only).
is_root && section == "DESCRIPTION" && $0 == "EXIT STATUS" {
    close_literal(); pending_paragraph = 0
    collecting = 1
    next
}

# NAME: the page's own name (nn-data.blobs, the name man and apropos look up; whatis, built by
# lexgrog, cannot parse a name with a space) and the description unquoted (or whatis shows
# the quotes). SYNOPSIS then names the command as typed, "nn-data blobs".
section == "NAME" && /^\.Nm / {
    command = substr($0, 5); name = command
    gsub(/"/, "", name); gsub(/ /, ".", name)
    print ".Nm " name
    next
}
section == "NAME" && /^\.Nd ".*"$/ { print ".Nd " substr($0, 6, length($0) - 6); next }
section == "SYNOPSIS" && $0 == ".Nm" && command ~ / / { print ".Nm " command; next }

/^\./ {
    if ($0 ~ /^\.(Bl|El|It)/) { close_literal(); pending_paragraph = 0 }
    if (collecting && $0 ~ /^\.Bl/) collecting = 0
    saw_text = 0
    print
    next
}

$0 == "" {
    close_literal()
    if (saw_text) pending_paragraph = 1
    next
}

/^  / {
    if (!in_literal) {
        pending_paragraph = 0
        out(collecting ? ".Bd -literal" : ".Bd -literal -offset indent")
        in_literal = 1
    }
    out(substr($0, 3))
    next
}

{
    close_literal()
    if (pending_paragraph) { out(".Pp"); pending_paragraph = 0 }
    saw_text = 1
    out($0)
}

END {
    close_literal()
    if (section == "SEE ALSO") flush_see_also()
    if (is_root) printf "%s", exit_text > exit_file
}
