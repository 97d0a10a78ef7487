import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface InvitationTally {
  readonly kind: string;
  readonly invited: number;
  readonly open: number;
  readonly answered: number;
  readonly expired: number;
  readonly withdrawn: number;
}

@Injectable()
export class InvitationQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Per survey kind: how many invitations were sent and what became of them. */
  async cohortTally(cohortId: string): Promise<InvitationTally[]> {
    const rows: { kind: string; status: string; count: number }[] = await this.dataSource.query(
      `SELECT kind, status, count(*)::int AS count FROM invitations WHERE cohort_id = $1 GROUP BY kind, status ORDER BY kind, status`,
      [cohortId],
    );
    return [...new Set(rows.map((row) => row.kind))].map((kind) => {
      const of = (status: string) => rows.find((row) => row.kind === kind && row.status === status)?.count ?? 0;
      const invited = rows.filter((row) => row.kind === kind).reduce((sum, row) => sum + row.count, 0);
      return { kind, invited, open: of('sent'), answered: of('answered'), expired: of('expired'), withdrawn: of('withdrawn') };
    });
  }
}
