import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateContest1700000000000 implements MigrationInterface {
  name = 'CreateContest1700000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "contest" ("id" SERIAL NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), ` +
        `"updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "title" character varying(100) NOT NULL, ` +
        `CONSTRAINT "PK_contest" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_contest_title" ON "contest" ("title")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_contest_title"`);
    await queryRunner.query(`DROP TABLE "contest"`);
  }
}
