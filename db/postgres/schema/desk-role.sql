-- 人民调解工作台 · 县中心数据库：工作台账号的权限（issue 17）
--
-- The centre's desks connect as a role of their own that may only read and write the
-- application's rows: no superuser, no ownership, no CREATE/ALTER/DROP. The schema belongs to a
-- separate owner role, which runs schema.sql (and, on an upgrade, the new version's schema
-- changes). Run this as that owner role, in the centre's database, after schema.sql:
--
--   psql "host=<服务器> dbname=tiaojie user=tiaojie_owner sslmode=verify-full sslrootcert=ca.crt" \
--        -v desk=tiaojie_desk -f desk-role.sql
--
-- README: 县中心数据库（PostgreSQL）运维指南.

GRANT USAGE ON SCHEMA public TO :"desk";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"desk";
-- The identity columns (rowid) draw from sequences.
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"desk";
-- The schema's version is the owner's to change, with the schema.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_version FROM :"desk";
