"""Pictures into the open post: drops on the editor or the panel, clipboard pastes and
Insert > Image go through the ImageImporter, and the links land in the text; the image panel
is refreshed from the post's folder and references. Part of the composition root."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QFileDialog

from tileditor.ui.post_session import PREVIEW_LIMIT_CHARS

IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.gif *.webp *.svg *.bmp *.avif)"
# A picture past this many pixels is no web image (and decoding it would take gigabytes).
MAX_PIXELS = 40_000_000


class ImageFlow(QObject):
    status_reported = Signal(str)

    def __init__(self, session, importer, editor, panel, prompter, parent=None):
        super().__init__(parent)
        self.session, self.importer = session, importer
        self.prompter = prompter
        self.editor, self.panel = editor, panel
        self._planned_for: Path | None = None  # post path the unsaved post's images were put under
        self._panel_key = None  # what the image panel last showed (post, folder mtime, images)
        editor.images_dropped.connect(self._on_editor_images_dropped)
        editor.image_pasted.connect(self._on_editor_image_pasted)
        panel.images_dropped.connect(self._on_panel_images_dropped)
        panel.insert_requested.connect(self.choose_and_insert)
        panel.image_activated.connect(self._on_panel_image_activated)
        panel.rename_requested.connect(self._on_panel_rename_requested)
        session.planned_path_changed.connect(self._on_session_planned_path_changed)

    # -- intents ----------------------------------------------------------------------------
    def _on_editor_images_dropped(self, paths: list, position: int) -> None:
        self.import_paths([str(p) for p in paths], position)

    def _on_panel_images_dropped(self, paths: list) -> None:
        self.import_paths([str(p) for p in paths], None)

    def _on_editor_image_pasted(self, image) -> None:
        site, post_path = self._target()
        if site is None:
            return
        # No dialog: the picture lands at once with a sensible name, renamed in place (F2) later.
        report = self.importer.import_image(site, post_path, image, name_hint=_paste_name(),
                                            front_matter=self._front_matter())
        self._finish(report, None)

    def choose_and_insert(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self.editor.window(), "Insert image", str(Path.home()), IMAGE_FILTER)
        if files:
            self.import_paths(files, None)

    def import_paths(self, paths: list[str], position: int | None) -> None:
        site, post_path = self._target()
        if site is None:
            return
        readable, refused = [], []
        for path in map(Path, paths):
            problem = picture_problem(path, self.importer.max_bytes)
            (refused.append(problem) if problem else readable.append(path))
        report = self.importer.import_files(site, post_path, readable,
                                            front_matter=self._front_matter())
        report.errors[:0] = refused
        self._finish(report, position)

    def _front_matter(self) -> dict:
        """The unsaved header: its categories and permalink decide how deep a relative link goes."""
        from tileditor.core.frontmatter import HeaderError

        try:
            return self.session.header_values()
        except HeaderError:
            return {}

    def _target(self):
        site = self.session.site
        post_path = self.session.planned_path()
        if site is None or post_path is None:
            self.prompter.inform("Images", "Open a Jekyll repository first.")
            return None, None
        if self.session.document.path is None:
            self._planned_for = post_path
        return site, post_path

    def _finish(self, report, position: int | None) -> None:
        snippets = [plan.snippet for plan in report.plans]
        if snippets:
            self.session.insert_text(position, "\n".join(snippets) + "\n")
            names = ", ".join(Path(p.dest).name for p in report.plans)
            self.status_reported.emit(f"Added {names} to {report.plans[0].folder}")
        if report.errors:
            self.prompter.warn("Images not added", "\n".join(report.errors))
            self.status_reported.emit(report.errors[0])
        self.refresh_panel()

    def _on_panel_image_activated(self, path) -> None:
        site, post_path = self._target()
        if site is None:
            return
        report = self.importer.import_files(site, post_path, [Path(path)], front_matter=self._front_matter())
        self._finish(report, None)

    def _on_panel_rename_requested(self, old, new_name: str) -> None:
        old = Path(old)
        new = old.with_name(new_name)
        if new.exists() or "/" in new_name or "\\" in new_name or not new_name.strip():
            self.prompter.warn("Rename image", f"Cannot rename to {new_name!r}.")
            self.refresh_panel()
            return
        try:
            old.rename(new)
        except OSError as exc:
            self.prompter.warn("Rename image", f"Could not rename {old.name}: {exc.strerror}.")
            return
        from tileditor.services.image_importer import rewrite_image_links

        site = self.session.site
        folder_rel = old.parent.relative_to(site.root).as_posix() if site else old.parent.name
        text = self.session.document.text
        updated = rewrite_image_links(text, [(f"{folder_rel}/{old.name}", f"{folder_rel}/{new.name}")])
        if updated != text:
            self.session.apply_full_text(updated)
        self.refresh_panel()

    # -- a new post's folder follows its title and date until the first save -----------------
    def _on_session_planned_path_changed(self, new_path) -> None:
        old = self._planned_for
        if self.session.document.path is not None or old is None or new_path is None:
            return
        if Path(new_path).stem == old.stem:
            return
        text = self.importer.move_post_images(old, Path(new_path), self.session.document.text)
        self._planned_for = Path(new_path)
        if text != self.session.document.text:
            self.session.apply_full_text(text)
        self.refresh_panel()

    def forget_planned(self) -> None:
        """The new post was saved: its pictures stay where they are from now on."""
        self._planned_for = None

    def refresh_panel_if_changed(self) -> None:
        """After each render: rescan only when the post's picture references or its folder
        changed, so typing in a long post does not rescan it on the UI thread each time."""
        site, post_path = self.session.site, self.session.planned_path()
        result = self.session.last_result
        folder_state = None
        if site is not None and post_path is not None:
            from tileditor.core.images import post_image_dir

            folder = post_image_dir(site, post_path)
            try:
                folder_state = folder.stat().st_mtime_ns
            except OSError:
                folder_state = None
        key = (post_path, folder_state, tuple(result.images if result is not None else ()))
        if key == self._panel_key:
            return
        self._panel_key = key
        self.refresh_panel()

    def refresh_panel(self) -> None:
        site, post_path = self.session.site, self.session.planned_path()
        if site is None or post_path is None:
            self.panel.set_images([], [], set())
            return
        from tileditor.core.images import find_image_references, post_image_dir, resolve_reference

        folder = post_image_dir(site, post_path)
        files = sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
        text = self.session.document.text
        referenced: set[Path] = set()
        missing: list[str] = []
        if len(text) > PREVIEW_LIMIT_CHARS:
            # As the preview, the reference scan is off for a huge post: it took seconds on
            # the UI thread, during which no key and no recovery snapshot could be taken.
            self.panel.set_images(files, [], set())
            return
        for ref in find_image_references(text):
            resolved = resolve_reference(site, post_path, ref.src)
            if resolved is None:
                if not ref.src.startswith(("http://", "https://", "data:")):
                    missing.append(ref.src)
            else:
                referenced.add(Path(resolved).resolve())
        unreferenced = {p for p in files if p.resolve() not in referenced}
        self.panel.set_images(files, missing, unreferenced)


def picture_problem(path: Path, max_bytes: int) -> str | None:
    """Why a dropped raster file cannot be a picture in a post (damaged, absurdly large), or
    None; files that are not pictures at all are left to the importer's own refusal."""
    from tileditor.core.images import sniff_image_type

    try:
        if not path.is_file() or path.stat().st_size > max_bytes:
            return None
        with open(path, "rb") as fh:
            kind = sniff_image_type(fh.read(4096))
    except OSError:
        return None
    if kind in (None, "svg", "avif"):
        return None
    reader = QImageReader(str(path))
    size = reader.size()
    if not size.isValid():
        return f"{path.name} is damaged (its {kind.upper()} header cannot be read) and was not added."
    if size.width() * size.height() > MAX_PIXELS:
        return (f"{path.name} is {size.width()}×{size.height()} pixels, too large for a web page, "
                "and was not added.")
    if reader.read().isNull():
        return f"{path.name} is damaged ({reader.errorString()}) and was not added."
    return None


def _paste_name() -> str:
    from datetime import datetime

    return "screenshot-" + datetime.now().strftime("%H%M%S")
