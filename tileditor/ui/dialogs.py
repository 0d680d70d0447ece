"""Every question and warning the window puts to the user goes through one small prompter object:
`Prompter` shows real QMessageBoxes, `RecordingPrompter` records them and answers from a script
(tests inject it through build_window). Owns no policy; must not import tileditor.services."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QMessageBox, QWidget


@dataclass(frozen=True)
class Asked:
    title: str
    message: str
    choices: tuple[str, ...]
    detail: str = ""


class Prompter:
    """Modal message boxes parented to the window. `ask` returns the chosen label; closing the
    box (Escape) returns `escape`, which callers set to the choice that writes nothing."""

    def __init__(self, parent: QWidget | None = None):
        self.parent = parent

    def ask(self, title: str, message: str, choices: Sequence[str], *, detail: str = "",
            escape: str | None = None) -> str:
        box = QMessageBox(QMessageBox.Icon.Question, title, message, parent=self.parent)
        box.setObjectName("promptBox")
        if detail:
            box.setDetailedText(detail)
        buttons = {}
        for i, label in enumerate(choices):
            role = QMessageBox.ButtonRole.AcceptRole if i == 0 else QMessageBox.ButtonRole.ActionRole
            if label == escape:
                role = QMessageBox.ButtonRole.RejectRole
            buttons[label] = box.addButton(label, role)
        if escape in buttons:
            box.setEscapeButton(buttons[escape])
        box.setDefaultButton(buttons[escape] if escape in buttons else buttons[choices[0]])
        box.exec()
        clicked = box.clickedButton()
        for label, button in buttons.items():
            if button is clicked:
                return label
        return escape if escape is not None else choices[-1]

    def ask_text(self, title: str, label: str, default: str = "") -> str | None:
        """One line of text from the user (None when cancelled)."""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(self.parent, title, label, text=default)
        return text if ok else None

    def warn(self, title: str, message: str) -> None:
        QMessageBox.warning(self.parent, title, message)

    def inform(self, title: str, message: str) -> None:
        QMessageBox.information(self.parent, title, message)


Answer = str | Callable[[Asked], str]


class RecordingPrompter:
    """Test double: records every message; `ask` pops the next scripted answer (a label, or a
    function of the question, which may inspect the world while the 'dialog' is open)."""

    def __init__(self, answers: Sequence[Answer] = ()):
        self.answers: list[Answer] = list(answers)
        self.asked: list[Asked] = []
        self.warnings: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []

    def ask(self, title: str, message: str, choices: Sequence[str], *, detail: str = "",
            escape: str | None = None) -> str:
        question = Asked(title, message, tuple(choices), detail)
        self.asked.append(question)
        if not self.answers:
            raise AssertionError(f"unexpected question {title!r}: {message}")
        answer = self.answers.pop(0)
        label = answer(question) if callable(answer) else answer
        if label not in choices:
            raise AssertionError(f"scripted answer {label!r} is not one of {choices}")
        return label

    def ask_text(self, title: str, label: str, default: str = "") -> str | None:
        """Pops the next scripted answer: a string, None (cancel), or a function of the
        default text."""
        self.asked.append(Asked(title, label, (), default))
        if not self.answers:
            raise AssertionError(f"unexpected text question {title!r}: {label}")
        answer = self.answers.pop(0)
        return answer(default) if callable(answer) else answer

    def warn(self, title: str, message: str) -> None:
        self.warnings.append((title, message))

    def inform(self, title: str, message: str) -> None:
        self.infos.append((title, message))

    def messages(self) -> list[str]:
        """Every text shown so far, in order of kind: questions, warnings, notes."""
        return ([a.message for a in self.asked] + [m for _, m in self.warnings]
                + [m for _, m in self.infos])
