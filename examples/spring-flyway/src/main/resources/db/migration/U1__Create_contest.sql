DROP TABLE contest;
