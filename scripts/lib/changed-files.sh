# changed_files EXTENSION_REGEX: the repository's files (relative paths, one per line) that a change
# touches and that still exist, for scripts/format and scripts/tidy. "Changed" means:
#   - the files changed between the merge base of HEAD with the base ref and HEAD (the commits of the
#     branch), plus uncommitted and untracked files. The base ref is $PERKARA_BASE_REF, else origin/main,
#     else main (the first that exists);
#   - on the base branch itself (merge base = HEAD, e.g. CI on main after a merge), when there is no base
#     ref or no merge base (a shallow CI checkout without the base branch), the
#     files of the last commit (HEAD~1..HEAD); with no parent commit either (a depth-1 clone), every file.
#     A CI job that wants the branch's whole change fetches the base: git fetch --depth=50 origin main.
changed_files() {
  local pattern="$1" base="" ref
  for ref in ${PERKARA_BASE_REF:-} origin/main main; do
    if git rev-parse --verify --quiet "$ref^{commit}" >/dev/null; then
      base=$(git merge-base HEAD "$ref" 2>/dev/null) && break
      base=""
    fi
  done
  if [[ "$base" == "$(git rev-parse HEAD)" ]]; then
    base=""
  fi
  {
    if [[ -n "$base" ]]; then
      git diff --name-only --diff-filter=d "$base" HEAD
    elif git rev-parse --verify --quiet 'HEAD~1^{commit}' >/dev/null; then
      git diff --name-only --diff-filter=d HEAD~1 HEAD
    else
      git ls-files
    fi
    git diff --name-only --diff-filter=d HEAD
    git ls-files --others --exclude-standard
  } | sort -u | grep -E "$pattern" | while read -r f; do [[ -f "$f" ]] && echo "$f"; done || true
}
