import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UnitType, UnitLevel } from '@app/vocabulary';

/** Moved to @app/vocabulary (shared with the browser); re-exported so entity imports keep working. */
export { UnitType, UnitLevel };

/**
 * An organisation (UBND, police, department, ...) or an administrative area.
 * `path` is the materialised path of ids from the root, each followed by a dot:
 * a subtree is `path LIKE '<path>%'` on a text_pattern_ops index, ancestors are the ids in it.
 */
@Entity('units')
export class Unit {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Unique among units not retired (GSO reuses the code of an absorbed commune for the merged one). */
  @Index('units_code_current_uq', { unique: true, where: 'retired_on IS NULL' })
  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** Lower-cased name with the tone marks removed, for accent-insensitive search. */
  @Column({ name: 'search_name', type: 'varchar', length: 255, select: false })
  searchName!: string;

  @Column({ type: 'varchar', length: 32 })
  type!: UnitType;

  /** The GSO type label for areas (Tỉnh, Huyện, Thành phố, Xã, Phường, Thị trấn, Đặc khu). */
  @Column({ name: 'area_kind', type: 'varchar', length: 40, nullable: true })
  areaKind!: string | null;

  @Column({ type: 'varchar', length: 16 })
  level!: UnitLevel;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Unit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Unit | null;

  /** The administrative area this body serves (UBND huyện Hải Hậu -> Huyện Hải Hậu). */
  @Column({ name: 'area_id', type: 'uuid', nullable: true })
  areaId!: string | null;

  @Column({ type: 'text' })
  path!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  emails!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /**
   * May the unit create its first account from an e-mail link? true / false as an admin set it here;
   * null follows the nearest unit above that says (see access/link-signup-policy.ts).
   */
  @Column({ name: 'link_signup', type: 'boolean', nullable: true })
  linkSignup!: boolean | null;

  /** The day the unit ceased to exist (a merger, the end of districts); retired units stay, inactive, for history. */
  @Column({ name: 'retired_on', type: 'date', nullable: true })
  retiredOn!: string | null;

  /** The day a unit of a new structure came into force (null: in force as far back as the data goes). */
  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
