import { Column, Entity, Index, OneToMany } from 'typeorm';
import { IsNotEmpty } from 'class-validator';
import { BaseEntity } from '../common/base.entity';
import { Team } from './team.entity';

@Entity()
@Index(['title'])
export class Contest extends BaseEntity {
  @IsNotEmpty()
  @Column({ length: 100 })
  title: string;

  @OneToMany(() => Team, (team) => team.contest)
  teams: Team[];
}
