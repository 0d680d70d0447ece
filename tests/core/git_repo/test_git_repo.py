"""git_repo on temporary repositories with the real `git`, a bare repository on disk as the
remote: exact commits, push, rejected push, no remote, hooks, detached HEAD, pull."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from tileditor.core.git_repo import (
    GitError,
    commit_paths,
    default_message,
    fetch,
    pull_ff_only,
    push,
    status_of,
    sync_state,
)

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

POST = "_posts/2025/2025-04-22-TIL25_Day1.md"
IMAGES = "images/2025-04-22-TIL25_Day1"


def git(cwd: Path, *args: str, check: bool = True) -> str:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0")
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env)
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)}: {done.stderr}")
    return done.stdout


def configure(repo: Path) -> None:
    git(repo, "config", "user.name", "Test Author")
    git(repo, "config", "user.email", "author@example.com")
    git(repo, "config", "commit.gpgsign", "false")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path) -> Path:
    """A blog with one commit (config + an old post), cloned from a bare remote."""
    bare = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(bare))
    work = tmp_path / "blog"
    git(tmp_path, "clone", "-q", str(bare), str(work))
    configure(work)
    git(work, "checkout", "-q", "-b", "main")
    write(work / "_config.yml", "title: t\n")
    write(work / "_posts/2025/2025-01-01-old.md", "---\ntitle: old\n---\nold\n")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "start")
    git(work, "push", "-q", "-u", "origin", "main")
    return work


def add_post(repo: Path) -> None:
    write(repo / POST, "---\ntitle: Day 1\n---\nhello\n")
    (repo / IMAGES).mkdir(parents=True)
    (repo / IMAGES / "a.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")


def committed_files(repo: Path, rev: str = "HEAD") -> set[str]:
    out = git(repo, "diff-tree", "--no-commit-id", "--name-only", "-r", rev)
    return set(out.split())


def test_commit_takes_exactly_the_post_and_images(repo):
    add_post(repo)
    write(repo / "staged.md", "staged\n")
    git(repo, "add", "staged.md")
    write(repo / "_posts/2025/2025-01-01-old.md", "---\ntitle: old\n---\nchanged\n")
    result = commit_paths(repo, [repo / POST, repo / IMAGES], "TIL: Day 1")
    assert committed_files(repo) == {POST, f"{IMAGES}/a.png"}
    assert set(result.files) == {POST, f"{IMAGES}/a.png"}
    assert git(repo, "log", "-1", "--format=%s") == "TIL: Day 1\n"
    status = git(repo, "status", "--porcelain")
    # The other staged file is still staged, the other change still unstaged, the post clean.
    assert "A  staged.md" in status
    assert " M _posts/2025/2025-01-01-old.md" in status
    assert POST not in status and IMAGES not in status
    assert result.warning == ""


def test_commit_includes_a_deleted_image_and_keeps_a_staged_post_version(repo):
    add_post(repo)
    commit_paths(repo, [repo / POST, repo / IMAGES], "first")
    (repo / IMAGES / "a.png").unlink()
    write(repo / IMAGES / "b.png", "b")
    write(repo / POST, "---\ntitle: Day 1\n---\nv2\n")
    git(repo, "add", POST)
    write(repo / POST, "---\ntitle: Day 1\n---\nv3\n")
    commit_paths(repo, [repo / POST, repo / IMAGES], "second")
    assert git(repo, "show", f"HEAD:{POST}").endswith("v3\n")  # the file as saved
    assert git(repo, "ls-tree", "-r", "--name-only", "HEAD", IMAGES).split() == [f"{IMAGES}/b.png"]
    assert git(repo, "status", "--porcelain") == ""


def test_nothing_to_commit(repo):
    with pytest.raises(GitError) as err:
        commit_paths(repo, [repo / "_posts/2025/2025-01-01-old.md"], "msg")
    assert err.value.kind == "nothing_to_commit"
    with pytest.raises(GitError) as err:
        commit_paths(repo, [repo / "_posts/missing.md"], "msg")
    assert err.value.kind == "nothing_to_commit"


def test_failing_pre_commit_hook_leaves_everything_as_it_was(repo):
    add_post(repo)
    write(repo / "staged.md", "staged\n")
    git(repo, "add", "staged.md")
    hook = repo / ".git" / "hooks" / "pre-commit"
    write(hook, "#!/bin/sh\necho 'lint: trailing spaces in post' >&2\nexit 1\n")
    hook.chmod(0o755)
    before = (git(repo, "rev-parse", "HEAD"), git(repo, "status", "--porcelain"))
    with pytest.raises(GitError) as err:
        commit_paths(repo, [repo / POST, repo / IMAGES], "TIL: Day 1")
    assert err.value.kind == "hook"
    assert "lint: trailing spaces in post" in str(err.value)
    assert (git(repo, "rev-parse", "HEAD"), git(repo, "status", "--porcelain")) == before
    assert not list((repo / ".git").glob("tileditor-index-*"))


def test_detached_head_refuses_commit_and_push(repo):
    add_post(repo)
    git(repo, "checkout", "-q", "--detach")
    with pytest.raises(GitError) as err:
        commit_paths(repo, [repo / POST], "msg")
    assert err.value.kind == "detached"
    with pytest.raises(GitError) as err:
        push(repo)
    assert err.value.kind == "detached"
    assert status_of(repo, [repo / POST]).detached


def test_empty_message_and_not_a_repo(repo, tmp_path):
    add_post(repo)
    with pytest.raises(GitError) as err:
        commit_paths(repo, [repo / POST], "  \n")
    assert err.value.kind == "empty_message"
    plain = tmp_path / "plain"
    plain.mkdir()
    with pytest.raises(GitError) as err:
        status_of(plain, [plain / "x.md"])
    assert err.value.kind == "not_a_repo"
    assert str(err.value) == "This folder is not inside a git repository."


def test_status_of_post_and_images(repo):
    add_post(repo)
    st = status_of(repo, [repo / POST, repo / IMAGES])
    assert (st.branch, st.upstream, st.ahead, st.behind) == ("main", "origin/main", 0, 0)
    assert st.state_of(POST) == "new" and st.state_of(IMAGES) == "new"
    commit_paths(repo, [repo / POST, repo / IMAGES], "TIL: Day 1")
    st = status_of(repo, [repo / POST, repo / IMAGES])
    assert st.state_of(POST) == "clean" and st.paths[POST].unpushed and st.ahead == 1
    write(repo / POST, "---\ntitle: Day 1\n---\nedited\n")
    assert status_of(repo, [repo / POST]).state_of(POST) == "modified"
    git(repo, "add", POST)
    assert status_of(repo, [repo / POST]).state_of(POST) == "staged"
    push(repo)
    st = status_of(repo, [repo / IMAGES])
    assert st.ahead == 0 and not st.paths[IMAGES].unpushed and st.state_of(IMAGES) == "clean"
    assert status_of(repo, ["images/none"]).state_of("images/none") == "absent"


def test_push_reports_progress_and_updates_the_remote(repo, tmp_path):
    add_post(repo)
    commit_paths(repo, [repo / POST, repo / IMAGES], "TIL: Day 1")
    seen: list[tuple[str, int | None]] = []
    result = push(repo, on_progress=lambda text, pct: seen.append((text, pct)))
    assert (result.remote, result.branch, result.up_to_date) == ("origin", "main", False)
    remote_head = git(tmp_path / "remote.git", "rev-parse", "main")
    assert remote_head == git(repo, "rev-parse", "HEAD")
    assert any(pct is not None for _t, pct in seen), seen
    assert push(repo).up_to_date


def test_push_sets_upstream_the_first_time(repo, tmp_path):
    git(repo, "checkout", "-q", "-b", "drafts")
    result = push(repo)
    assert result.branch == "drafts"
    assert git(repo, "rev-parse", "--abbrev-ref", "@{u}").strip() == "origin/drafts"


def other_clone(tmp_path: Path, name: str = "other") -> Path:
    other = tmp_path / name
    git(tmp_path, "clone", "-q", str(tmp_path / "remote.git"), str(other))
    configure(other)
    return other


def test_rejected_push_when_the_remote_moved_ahead(repo, tmp_path):
    other = other_clone(tmp_path)
    write(other / "_posts/2025/2025-02-02-else.md", "---\ntitle: else\n---\n")
    git(other, "add", "-A")
    git(other, "commit", "-q", "-m", "elsewhere")
    git(other, "push", "-q")
    add_post(repo)
    commit_paths(repo, [repo / POST], "mine")
    mine = git(repo, "rev-parse", "HEAD")
    with pytest.raises(GitError) as err:
        push(repo)
    assert err.value.kind == "rejected"
    assert str(err.value) == "The remote has commits you do not have: pull first, then push again."
    assert git(repo, "rev-parse", "HEAD") == mine
    with pytest.raises(GitError) as err:
        pull_ff_only(repo)
    assert err.value.kind == "diverged"
    assert git(repo, "rev-parse", "HEAD") == mine


def test_no_remote(tmp_path):
    solo = tmp_path / "solo"
    git(tmp_path, "init", "-q", "-b", "main", str(solo))
    configure(solo)
    write(solo / "a.md", "a")
    commit_paths(solo, [solo / "a.md"], "first commit on an unborn branch")
    assert git(solo, "log", "--format=%s") == "first commit on an unborn branch\n"
    for op in (push, fetch, pull_ff_only):
        with pytest.raises(GitError) as err:
            op(solo)
        assert err.value.kind == "no_remote", op
    assert status_of(solo, [solo / "a.md"]).upstream is None


def test_unreachable_remote(repo, tmp_path):
    git(repo, "remote", "set-url", "origin", str(tmp_path / "gone.git"))
    with pytest.raises(GitError) as err:
        fetch(repo)
    assert err.value.kind == "unreachable"


def test_pull_fast_forwards_and_names_the_changed_files(repo, tmp_path):
    other = other_clone(tmp_path)
    write(other / "_posts/2025/2025-01-01-old.md", "---\ntitle: old\n---\nfixed typo\n")
    git(other, "commit", "-q", "-am", "typo")
    git(other, "push", "-q")
    assert fetch(repo) == sync_state(repo)
    assert sync_state(repo).behind == 1
    result = pull_ff_only(repo)
    assert result.changed == ("_posts/2025/2025-01-01-old.md",)
    assert result.changed_paths == [repo / "_posts/2025/2025-01-01-old.md"]
    assert (repo / "_posts/2025/2025-01-01-old.md").read_text().endswith("fixed typo\n")
    assert pull_ff_only(repo).changed == ()


def test_pull_refuses_to_overwrite_local_changes(repo, tmp_path):
    other = other_clone(tmp_path)
    write(other / "_posts/2025/2025-01-01-old.md", "remote\n")
    git(other, "commit", "-q", "-am", "remote edit")
    git(other, "push", "-q")
    write(repo / "_posts/2025/2025-01-01-old.md", "unsaved local edit\n")
    with pytest.raises(GitError) as err:
        pull_ff_only(repo)
    assert err.value.kind == "dirty"
    assert (repo / "_posts/2025/2025-01-01-old.md").read_text() == "unsaved local edit\n"


def test_cancel_stops_a_push(repo):
    # A pre-push hook that sleeps stands in for a slow network.
    hook = repo / ".git" / "hooks" / "pre-push"
    write(hook, "#!/bin/sh\nsleep 30\n")
    hook.chmod(0o755)
    add_post(repo)
    commit_paths(repo, [repo / POST], "x")
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    with pytest.raises(GitError) as err:
        push(repo, cancel=cancel)
    assert err.value.kind == "cancelled"
    with pytest.raises(GitError) as err:
        push(repo, timeout=0.3)
    assert err.value.kind == "timeout"


def test_failing_pre_push_hook(repo):
    hook = repo / ".git" / "hooks" / "pre-push"
    write(hook, "#!/bin/sh\necho 'refusing: site does not build' >&2\nexit 1\n")
    hook.chmod(0o755)
    add_post(repo)
    commit_paths(repo, [repo / POST], "x")
    with pytest.raises(GitError) as err:
        push(repo)
    assert err.value.kind == "hook"
    assert "refusing: site does not build" in str(err.value)


def test_default_message():
    assert default_message("A new chapter") == "TIL: A new chapter"
    assert default_message("TIL :: A new chapter") == "TIL :: A new chapter"
    assert default_message("Title\nwith break", is_new=False) == "Update: Title with break"
    assert default_message("") == "TIL: untitled post"


def test_https_remote_that_refuses_connections_is_unreachable(repo):
    git(repo, "remote", "set-url", "origin", "https://127.0.0.1:9/blog.git")
    with pytest.raises(GitError) as err:
        fetch(repo, timeout=30)
    assert err.value.kind == "unreachable"


@pytest.mark.parametrize("stderr, kind", [
    ("fatal: could not read Username for 'https://github.com': terminal prompts disabled", "auth"),
    ("remote: Invalid username or password.\nfatal: Authentication failed for 'https://x/'",
     "auth"),
    ("git@github.com: Permission denied (publickey).\nfatal: Could not read from remote "
     "repository.", "auth"),
    ("fatal: unable to access 'https://github.com/a/b.git/': Could not resolve host: "
     "github.com", "unreachable"),
    (" ! [remote rejected] main -> main (pre-receive hook declined)", "hook"),
    (" ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs",
     "rejected"),
    ("error: gpg failed to sign the data\nfatal: failed to write commit object", "signing"),
    ("fatal: Unable to create '/r/.git/index.lock': File exists.", "locked"),
    ("Author identity unknown\n*** Please tell me who you are.", "identity"),
])
def test_classify_git_messages(stderr, kind):
    from tileditor.core.git_repo.errors import MESSAGES, classify

    err = classify(stderr)
    assert err.kind == kind
    assert str(err).startswith(MESSAGES[kind].rstrip(".")) and "\n" not in str(err)
