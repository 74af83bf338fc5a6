"""A stretched column that gives way when the window narrows.

Qt leaves a Stretch section at its old width once the other columns fill the view
(no room is left to share), so a window made narrower kept the service column 500 px
wide and pushed the prices out of sight behind a sideways scroll.  Here the column
stretches while there is room and falls back to a narrow fixed width when there is
none: the columns after it stay in view for as long as they can."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

Mode = QHeaderView.ResizeMode


class GivingColumn(QObject):
    """Keeps `column` of `table` stretched where the others leave room, `least`
    pixels wide where they do not.  Call `fit` after hiding or showing columns."""

    def __init__(self, table: QTableView, column: int, least: int) -> None:
        super().__init__(table)
        self.table, self.column, self.least = table, column, least
        table.viewport().installEventFilter(self)

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != self.column and not header.isSectionHidden(c))
        room = self.table.viewport().width() - others
        if room >= self.least:
            if header.sectionResizeMode(self.column) != Mode.Stretch:
                header.setSectionResizeMode(self.column, Mode.Stretch)
        else:
            header.setSectionResizeMode(self.column, Mode.Interactive)
            header.resizeSection(self.column, self.least)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
