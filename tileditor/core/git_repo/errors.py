"""GitError and the mapping of a failed git command's stderr to one clear sentence per kind
(no repo, no remote, offline, rejected, authentication, hook, detached HEAD, ...).
Pure text matching; must not import PySide6 or run processes."""

from __future__ import annotations

import re

# kind -> the sentence shown to the user (a detail from git may follow it).
MESSAGES = {
    "no_git": "The git command is not installed or not on PATH.",
    "not_a_repo": "This folder is not inside a git repository.",
    "outside": "The file is not inside this git repository.",
    "no_remote": "This repository has no remote to push to or pull from.",
    "no_upstream": "The current branch does not track a remote branch yet.",
    "unreachable": "The remote could not be reached (offline, or a wrong address).",
    "auth": "The remote refused the credentials (or none were available): sign in with "
            "git in a terminal once, then try again.",
    "rejected": "The remote has commits you do not have: pull first, then push again.",
    "diverged": "Your branch and the remote both have new commits; they cannot be "
                "fast-forwarded, merge or rebase them in a terminal.",
    "dirty": "Pulling would overwrite local changes: commit or stash them first.",
    "hook": "A git hook refused the operation.",
    "detached": "HEAD is detached (not on a branch): check out a branch first.",
    "busy": "A merge, rebase or cherry-pick is in progress: finish or abort it first.",
    "nothing_to_commit": "Nothing to commit: the post and its images are already committed.",
    "empty_message": "The commit message is empty.",
    "identity": "git does not know who you are: set user.name and user.email.",
    "signing": "git could not sign the commit (check your signing key or agent).",
    "locked": "Another git process is using this repository (index.lock exists).",
    "timeout": "git took too long and was stopped.",
    "cancelled": "Cancelled.",
    "failed": "git failed.",
}


class GitError(Exception):
    """A git operation that did not happen; `kind` is a key of MESSAGES, `detail` is git's
    own last words (may be empty). str() is one sentence, plus the detail when useful."""

    def __init__(self, kind: str, detail: str = "", message: str | None = None):
        self.kind = kind
        self.detail = detail.strip()
        self.message = message or MESSAGES.get(kind, MESSAGES["failed"])
        text = self.message
        if self.detail and kind in ("hook", "failed", "signing", "unreachable"):
            text = f"{text.rstrip('.')}: {self.detail}"
        super().__init__(text)


_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("not_a_repo", re.compile(r"not a git repository", re.I)),
    ("locked", re.compile(r"index\.lock.*File exists|Unable to create .*\.lock", re.I)),
    ("auth", re.compile(
        r"Authentication failed|could not read (Username|Password)|terminal prompts disabled|"
        r"Permission denied \(publickey|Invalid username or password|HTTP Basic: Access denied|"
        r"returned error: 40[13]|Host key verification failed", re.I)),
    ("unreachable", re.compile(
        r"Could not resolve host|unable to access|Connection refused|Connection timed out|"
        r"Network is unreachable|Could not read from remote repository|"
        r"does not appear to be a git repository|Operation timed out|No route to host|"
        r"repository '.*' not found", re.I)),
    ("hook", re.compile(r"hook declined|pre-receive hook|hook .* failed|failed to run hook",
                        re.I)),
    ("rejected", re.compile(r"\[rejected\]|non-fast-forward|fetch first|Updates were rejected",
                            re.I)),
    ("diverged", re.compile(r"Not possible to fast-forward|Diverging branches", re.I)),
    ("dirty", re.compile(r"local changes to the following files would be overwritten|"
                         r"untracked working tree files would be overwritten", re.I)),
    ("no_upstream", re.compile(r"no tracking information|has no upstream branch", re.I)),
    ("identity", re.compile(r"Please tell me who you are|empty ident name", re.I)),
    ("signing", re.compile(r"gpg failed to sign|error: cannot run gpg|failed to write commit "
                           r"object.*sign|ssh-keygen.*sign|Couldn't load public key", re.I)),
    ("busy", re.compile(r"You have not concluded your merge|in the middle of|unmerged files",
                        re.I)),
]


def last_words(stderr: str, limit: int = 300) -> str:
    """git's most telling line: the last 'fatal:'/'error:' line, else the last line."""
    lines = [ln.strip() for ln in re.split(r"[\r\n]+", stderr or "") if ln.strip()]
    lines = [ln for ln in lines if not re.search(r"\d+% \(\d+/\d+\)", ln)]
    if not lines:
        return ""
    marked = [ln for ln in lines if ln.lower().startswith(("fatal:", "error:", "remote: error"))]
    line = (marked or lines)[-1]
    line = re.sub(r"^(fatal|error):\s*", "", line, flags=re.I)
    return line[:limit]


_GIT_OWN = re.compile(r"^(error|fatal|hint|warning):|^To |^Done$|\t", re.I)


def hook_words(output: str, limit: int = 300) -> str:
    """The hook's own last line (what it printed), skipping git's messages around it."""
    lines = [ln.strip() for ln in re.split(r"[\r\n]+", output or "") if ln.strip()]
    own = [ln for ln in lines if not _GIT_OWN.search(ln)]
    return own[-1][:limit] if own else last_words(output, limit)


def classify(stderr: str, default: str = "failed") -> GitError:
    """The GitError a failed command's stderr means; `default` when nothing matches."""
    text = stderr or ""
    for kind, pattern in _PATTERNS:
        if pattern.search(text):
            return GitError(kind, last_words(text))
    if default == "hook":
        return GitError("hook", hook_words(text))
    return GitError(default, last_words(text))
