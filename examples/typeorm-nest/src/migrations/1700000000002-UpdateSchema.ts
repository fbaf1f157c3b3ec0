import { MigrationInterface, QueryRunner } from 'typeorm';

export class UpdateSchema1700000000002 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team" ADD "seed" integer`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // TODO
  }
}
