"""ImagePanel: drops of pictures emit, other files are refused with a message, unreferenced and
missing pictures are flagged, rename and activation emit intents."""

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from tileditor.ui.image_panel import HINT, KIND_ROLE, ImagePanel


def _png(path: Path, color="#3366cc", size=(200, 120)) -> Path:
    img = QImage(*size, QImage.Format.Format_RGB32)
    img.fill(QColor(color))
    assert img.save(str(path), "PNG")
    return path


def _panel(qtbot):
    p = ImagePanel()
    qtbot.addWidget(p)
    p.resize(320, 300)
    p.show()
    return p


def _drop(panel, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(x)) for x in paths])
    target = panel.list_widget().viewport()
    args = (QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    # Qt delivers a drop to the widget that accepted the drag enter, as in a real drag.
    enter = QDragEnterEvent(*args)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, QDropEvent(*args))


def test_drop_png_emits_it(qtbot, tmp_path):
    p = _panel(qtbot)
    png = _png(tmp_path / "shot.png")
    with qtbot.waitSignal(p.images_dropped) as blocker:
        _drop(p, [png])
    assert blocker.args == [[str(png)]]
    assert p.message() == ""


def test_drop_text_file_is_refused_with_message(qtbot, tmp_path):
    p = _panel(qtbot)
    txt = tmp_path / "notes.txt"
    txt.write_text("hello", encoding="utf-8")
    seen = []
    p.images_dropped.connect(seen.append)
    _drop(p, [txt])
    assert seen == []
    assert "notes.txt" in p.message() and "picture" in p.message()


def test_mixed_drop_emits_only_images(qtbot, tmp_path):
    p = _panel(qtbot)
    png = _png(tmp_path / "a.png")
    txt = tmp_path / "b.txt"
    txt.write_text("x", encoding="utf-8")
    seen = []
    p.images_dropped.connect(seen.append)
    _drop(p, [txt, png])
    assert seen == [[str(png)]]
    assert "b.txt" in p.message()


def test_flags_for_unreferenced_and_missing(qtbot, tmp_path):
    p = _panel(qtbot)
    used = _png(tmp_path / "used.png")
    spare = _png(tmp_path / "spare.png", "#cc3333")
    p.set_images([used, spare], ["../../images/post/gone.png"], {spare})
    p.load_pending_thumbnails()
    lst = p.list_widget()
    rows = {lst.item(i).text(): lst.item(i) for i in range(lst.count())}
    assert set(rows) == {"used.png", "spare.png", "gone.png"}
    assert rows["used.png"].data(KIND_ROLE) == "file"
    assert rows["spare.png"].data(KIND_ROLE) == "unreferenced"
    assert "Not referenced" in rows["spare.png"].toolTip()
    assert rows["gone.png"].data(KIND_ROLE) == "missing"
    assert "Missing file: ../../images/post/gone.png" in rows["gone.png"].toolTip()
    assert rows["gone.png"].foreground().color() == QColor("#c62828")
    # The thumbnail is the real picture: its centre pixel is the file's colour.
    pm = rows["used.png"].icon().pixmap(96, 72)
    assert pm.toImage().pixelColor(48, 36) == QColor("#3366cc")
    assert not p.hint_visible()


def test_hint_when_no_images(qtbot):
    p = _panel(qtbot)
    p.set_images([], [], set())
    assert p.hint_visible()
    # The hint is painted inside the empty grid: dark text pixels appear there.
    img = p.list_widget().viewport().grab().toImage()
    dark = sum(img.pixelColor(x, img.height() // 2).lightness() < 200 for x in range(img.width()))
    assert dark > 0
    assert "Drop pictures" in HINT


def test_double_click_activates_and_rename_emits(qtbot, tmp_path):
    p = _panel(qtbot)
    png = _png(tmp_path / "shot.png")
    p.set_images([png], [], set())
    p.load_pending_thumbnails()
    lst = p.list_widget()
    item = lst.item(0)
    with qtbot.waitSignal(p.image_activated) as blocker:
        rect = lst.visualItemRect(item)
        qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [png]
    with qtbot.waitSignal(p.rename_requested) as blocker:
        item.setText("diagram.png")  # what the in-place editor commits
    assert blocker.args == [png, "diagram.png"]
    assert item.text() == "shot.png"  # until the owner renames the file and refreshes


def test_insert_button_emits(qtbot):
    p = _panel(qtbot)
    with qtbot.waitSignal(p.insert_requested):
        qtbot.mouseClick(p.findChild(type(p._insert), "insertImageButton"),
                         Qt.MouseButton.LeftButton)


def test_thumbnail_timer_finishes(qtbot, tmp_path):
    p = _panel(qtbot)
    files = [_png(tmp_path / f"p{i}.png", size=(1600, 1200)) for i in range(9)]
    p.set_images(files, [], set())
    qtbot.waitUntil(lambda: not p._thumb_timer.isActive(), timeout=5000)
    assert all(p.list_widget().item(i).icon().pixmap(96, 72).toImage().pixelColor(48, 36)
               == QColor("#3366cc") for i in range(9))


def test_f2_rename_in_place(qtbot, tmp_path):
    from PySide6.QtWidgets import QLineEdit

    p = _panel(qtbot)
    png = _png(tmp_path / "shot.png")
    p.set_images([png], [], set())
    lst = p.list_widget()
    lst.setCurrentItem(lst.item(0))
    lst.setFocus()
    qtbot.keyClick(lst, Qt.Key.Key_F2)
    editor = lst.viewport().findChild(QLineEdit) or lst.findChild(QLineEdit)
    assert editor is not None and editor.text() == "shot.png"
    editor.selectAll()
    qtbot.keyClicks(editor, "login-form.png")
    with qtbot.waitSignal(p.rename_requested) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert blocker.args == [png, "login-form.png"]


def test_missing_reference_cannot_be_renamed_or_activated(qtbot):
    p = _panel(qtbot)
    p.set_images([], ["/images/x/gone.png"], set())
    item = p.list_widget().item(0)
    assert not item.flags() & Qt.ItemFlag.ItemIsEditable
    seen = []
    p.image_activated.connect(seen.append)
    lst = p.list_widget()
    rect = lst.visualItemRect(item)
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert seen == []
    assert not p.hint_visible()
