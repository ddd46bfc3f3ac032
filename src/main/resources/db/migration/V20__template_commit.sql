-- Where a release's template came from when it is read from Git: the commit, the file in the
-- repository and a web link to the file at that commit (GitHub / GitLab). Null for a folder or
-- the built-in template. The snapshot in template_source stays the truth of the checklist.
ALTER TABLE deployment
    ADD COLUMN template_commit text,
    ADD COLUMN template_file   text,
    ADD COLUMN template_link   text;
