import { MigrationInterface, QueryRunner } from 'typeorm';

export class BackfillTeamSeeds1700000000003 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "team" SET "seed" = "id"`;
  }

  public async down(): Promise<void> {}
}
