import type { z } from 'zod';
import type {
  InspectionCreate, InspectionDraw, InspectionRecordInput, InspectionReportCreate, InspectionReportView, InspectionView, inspectionListSchema,
} from '../../../shared/schemas/inspection';
import type { UnitDirectory } from '../../../shared/schemas/unit';
import { api } from '../../api/client';
import { uploadUnitFile } from '../../api/upload';
import type { Query } from '../../api/client';

export type { InspectionReportView, InspectionView };
export type InspectionList = z.infer<typeof inspectionListSchema>;

const path = (id: string) => `/api/inspections/${encodeURIComponent(id)}`;

export const inspectionApi = {
  list: (query: Query) => api.get<InspectionList>('/api/inspections', query),
  get: (id: string) => api.get<InspectionView>(path(id)),
  plan: (input: InspectionCreate) => api.post<InspectionView>('/api/inspections', input),
  draw: (id: string, input: InspectionDraw) => api.post<InspectionView>(`${path(id)}/draw`, input),
  record: (id: string, input: InspectionRecordInput) => api.post<InspectionView>(`${path(id)}/record`, input),
  attachReport: (id: string, input: InspectionReportCreate) => api.post<InspectionReportView>(`${path(id)}/reports`, input),
  /** The report's file, as a file of the unit the reader uploads for (its own, or the enterprise's town). */
  uploadFile: uploadUnitFile,
  units: () => api.get<UnitDirectory>('/api/units/directory'),
};

export const fileUrl = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`;
