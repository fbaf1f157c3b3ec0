import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        type: 'postgres',
        url: config.get('DATABASE_URL'),
        autoLoadEntities: true,
        // Fine: only a developer's database is synchronised.
        synchronize: config.get('NODE_ENV') === 'development',
        dropSchema: true,
      }),
    }),
  ],
})
export class DatabaseModule {}
