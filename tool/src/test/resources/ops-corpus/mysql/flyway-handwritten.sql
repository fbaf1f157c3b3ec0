SET FOREIGN_KEY_CHECKS = 0;
CREATE TABLE IF NOT EXISTS shop.product (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  sku VARCHAR(64) NOT NULL,
  title VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  price DECIMAL(10,2) NOT NULL DEFAULT 0.00,
  stock INT NOT NULL DEFAULT 0 COMMENT 'units on hand',
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uk_product_sku (sku),
  KEY idx_product_created (created_at),
  CONSTRAINT fk_product_vendor FOREIGN KEY (vendor_id) REFERENCES vendor (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
ALTER TABLE product ADD COLUMN weight DECIMAL(8,3) NULL AFTER price, ALGORITHM=INSTANT;
ALTER TABLE product ADD INDEX idx_product_title (title(32)), ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE product MODIFY COLUMN title VARCHAR(300) NOT NULL, ALGORITHM=COPY, LOCK=SHARED;
ALTER TABLE product DROP INDEX idx_product_created, ADD INDEX idx_product_created_at (created_at DESC);
ALTER TABLE product RENAME COLUMN stock TO quantity;
ALTER TABLE product ALTER COLUMN quantity SET DEFAULT 1;
ALTER TABLE product ALTER quantity DROP DEFAULT;
ALTER TABLE product CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE product ENGINE = InnoDB;
ALTER TABLE product DROP PRIMARY KEY, ADD PRIMARY KEY (id, sku);
ALTER TABLE product ADD CONSTRAINT chk_price CHECK (price >= 0);
ALTER TABLE product DROP CHECK chk_price;
RENAME TABLE product TO catalog_item, product_old TO catalog_item_old;
ALTER TABLE catalog_item RENAME TO product;
INSERT INTO product (sku, title) VALUES ('A-1', 'First') ON DUPLICATE KEY UPDATE title = VALUES(title);
REPLACE INTO setting (name, value) VALUES ('mode', 'live');
UPDATE product p JOIN vendor v ON v.id = p.vendor_id SET p.price = p.price * 1.1 WHERE v.country = 'DE';
DELETE FROM product LIMIT 10;
DROP TABLE IF EXISTS product_old, catalog_item_old;
DROP TEMPORARY TABLE IF EXISTS tmp_import;
CREATE OR REPLACE VIEW product_in_stock AS SELECT id, sku FROM product WHERE quantity > 0;
CREATE ALGORITHM=MERGE DEFINER=`app`@`%` SQL SECURITY DEFINER VIEW product_price AS SELECT id, price FROM product;
DROP VIEW IF EXISTS product_in_stock;
DELIMITER $$
CREATE TRIGGER product_bi BEFORE INSERT ON product FOR EACH ROW
BEGIN
  SET NEW.created_at = NOW();
END$$
CREATE PROCEDURE reprice(IN factor DECIMAL(4,2))
BEGIN
  UPDATE product SET price = price * factor;
END$$
DELIMITER ;
CALL reprice(1.05);
SET FOREIGN_KEY_CHECKS = 1;
