"""Git with the user's own `git` command (config, credential helpers, hooks and signing all
apply; nothing stored): the state of a post and its images, committing exactly them, push,
fetch and fast-forward pull. Blocking, thread-safe, no global state; must not import PySide6."""

from .commit import CommitResult, commit_paths, default_message, post_paths
from .errors import MESSAGES, GitError
from .remote import PullResult, PushResult, SyncState, fetch, pull_ff_only, push, sync_state
from .runner import ProgressFn
from .status import PathStatus, RepoStatus, rel_in_repo, repo_root, status_of

__all__ = [
    "MESSAGES", "CommitResult", "GitError", "PathStatus", "ProgressFn", "PullResult",
    "PushResult", "RepoStatus", "SyncState", "commit_paths", "default_message", "fetch",
    "post_paths", "pull_ff_only", "push", "rel_in_repo", "repo_root", "status_of",
    "sync_state",
]
