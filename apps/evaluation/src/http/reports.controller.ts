import { Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { KpiReports } from '../application/reports/kpi-reports';
import { outcomeChartSvg, reportCsv } from '../application/reports/report-exports';
import { Actor, ActorGuard, AllowedRoles, assertMayReadOrganisation, CurrentActor } from './actor.guard';
import { ReportQuery } from './dto/evaluation.requests';

/** The programme's KPIs as JSON, CSV and SVG; partners get their own suppressed aggregates. */
@Controller()
@UseGuards(ActorGuard)
export class ReportsController {
  constructor(private readonly reports: KpiReports) {}

  @Get('reports')
  @AllowedRoles('coordinator', 'admin')
  programme(@Query() query: ReportQuery) {
    return this.reports.programmeReport(cohortIdsOf(query));
  }

  @Get('reports/export.csv')
  @AllowedRoles('coordinator', 'admin')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="cmp-kpis.csv"')
  async csv(@Query() query: ReportQuery) {
    return reportCsv(await this.reports.programmeReport(cohortIdsOf(query)));
  }

  @Get('reports/outcomes.svg')
  @AllowedRoles('coordinator', 'admin')
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  async chart(@Query() query: ReportQuery) {
    return outcomeChartSvg(await this.reports.programmeReport(cohortIdsOf(query)));
  }

  @Get('reports/cohorts/:id')
  @AllowedRoles('coordinator', 'admin')
  cohort(@Param('id', ParseUUIDPipe) cohortId: string) {
    return this.reports.cohortReport(cohortId);
  }

  @Get('reports/cohorts/:id/export.csv')
  @AllowedRoles('coordinator', 'admin')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="cmp-cohort-kpis.csv"')
  async cohortCsv(@Param('id', ParseUUIDPipe) cohortId: string) {
    return reportCsv(await this.reports.programmeReport([cohortId]));
  }

  @Post('reports/cohorts/:id/publish')
  @HttpCode(201)
  @AllowedRoles('coordinator', 'admin')
  publish(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) cohortId: string) {
    return this.reports.publish(actor.name, cohortId);
  }

  @Get('partners/:organisationId/report')
  @AllowedRoles('coordinator', 'admin', 'partner')
  partner(@CurrentActor() actor: Actor, @Param('organisationId', ParseUUIDPipe) organisationId: string) {
    assertMayReadOrganisation(actor, organisationId);
    return this.reports.partnerReport(organisationId);
  }
}

function cohortIdsOf(query: ReportQuery): string[] | undefined {
  return query.cohortIds ? query.cohortIds.split(',').map((id) => id.toLowerCase()) : undefined;
}
