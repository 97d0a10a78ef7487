import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { NotFoundError } from '../../domain/enrolment-error';
import type { Page, PageRequest } from '../page';
import { PlacementQuota, PlacementRepository } from '../placements/placement.repository';
import { Referral, ReferralRepository } from '../referrals/referral.repository';
import { Organisation, OrganisationRepository } from './organisation.repository';

@Injectable()
export class OrganisationQueries {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly organisations: OrganisationRepository,
    private readonly placementQuotas: PlacementRepository,
    private readonly referralCodes: ReferralRepository,
  ) {}

  list(page: PageRequest, kind?: string): Promise<Page<Organisation>> {
    return this.unitOfWork.read((tx) => this.organisations.page(tx, page, { kind }));
  }

  get(organisationId: string): Promise<Organisation> {
    return this.unitOfWork.read(async (tx) => {
      const organisation = await this.organisations.find(tx, organisationId);
      if (!organisation) throw new NotFoundError('organisation', organisationId);
      return organisation;
    });
  }

  placements(organisationId: string): Promise<PlacementQuota[]> {
    return this.unitOfWork.read((tx) => this.placementQuotas.ofOrganisation(tx, organisationId));
  }

  referrals(organisationId: string, page: PageRequest, status?: string): Promise<Page<Referral>> {
    return this.unitOfWork.read((tx) => this.referralCodes.page(tx, organisationId, page, { status }));
  }
}
