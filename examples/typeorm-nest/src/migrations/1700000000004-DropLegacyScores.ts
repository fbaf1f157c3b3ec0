import { MigrationInterface, QueryRunner } from 'typeorm';

export class DropLegacyScores1700000000004 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('legacy_score');
  }

  // migration-guard-ignore missing-down-migration
  public async down(): Promise<void> {
    throw new Error('The legacy scores were archived; there is nothing to restore.');
  }
}
