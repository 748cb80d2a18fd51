-- The plugin's upgrade: a column added to its own table.
ALTER TABLE testplugin_note ADD COLUMN author VARCHAR(30);
