"""Front-end views of the intranet, routed through IntranetIndexPage and WorkspacePage."""

from .circulation import circulation, circulation_new
from .dashboard import activity, dashboard, my_tasks, search
from .documents import document, document_version, documents
from .meetings import meeting, meeting_action, meeting_archive, meeting_edit
from .workspace import members, task, task_new, workspace, workspace_activity

__all__ = [
    "activity",
    "circulation",
    "circulation_new",
    "dashboard",
    "document",
    "document_version",
    "documents",
    "meeting",
    "meeting_action",
    "meeting_archive",
    "meeting_edit",
    "members",
    "my_tasks",
    "search",
    "task",
    "task_new",
    "workspace",
    "workspace_activity",
]
