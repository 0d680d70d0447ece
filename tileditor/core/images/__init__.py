"""Images of a post: references in its text and header (refs), how Jekyll resolves them to
files (resolve) and the plan for importing a new picture (plan). Code outside this package
imports from here. Must not import Qt."""

from tileditor.core.images.plan import (
    ImportPlan,
    NotAnImageError,
    find_image_references,
    front_matter_image_refs,
    image_url,
    plan_import,
    post_image_dir,
    sniff_image_type,
)
from tileditor.core.images.refs import code_regions
from tileditor.core.images.resolve import page_folders, resolve_reference, site_paths_for

__all__ = ["ImportPlan", "NotAnImageError", "code_regions", "find_image_references", "front_matter_image_refs", "image_url", "page_folders", "plan_import", "post_image_dir", "resolve_reference", "site_paths_for", "sniff_image_type"]
