import { Column, Entity, ManyToOne } from 'typeorm';
import { BaseEntity } from '../common/base.entity';
import { Contest } from './contest.entity';

@Entity()
export class Team extends BaseEntity {
  @Column({ length: 80 })
  name: string;

  @ManyToOne(() => Contest, (contest) => contest.teams, { onDelete: 'CASCADE' })
  contest: Contest;
}
