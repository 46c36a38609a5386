import type { z } from 'zod';
import type {
  CertificateCreate, CertificateView, CoverageView, PersonCreate, PersonUpdate, PersonView, SessionCreate, SessionView,
  certificateListSchema, personListSchema, sessionListSchema,
} from '../../../shared/schemas/training';
import type { UnitDirectory } from '../../../shared/schemas/unit';
import { api } from '../../api/client';
import type { Query } from '../../api/client';

export type { CertificateView, CoverageView, PersonView, SessionView };
export type PersonList = z.infer<typeof personListSchema>;
export type CertificateList = z.infer<typeof certificateListSchema>;
export type SessionList = z.infer<typeof sessionListSchema>;

export const trainingApi = {
  persons: (query: Query) => api.get<PersonList>('/api/training/persons', query),
  addPerson: (input: PersonCreate) => api.post<PersonView>('/api/training/persons', input),
  updatePerson: (id: string, input: PersonUpdate) => api.patch<PersonView>(`/api/training/persons/${encodeURIComponent(id)}`, input),
  certificates: (query: Query) => api.get<CertificateList>('/api/training/certificates', query),
  issueCertificate: (input: CertificateCreate) => api.post<CertificateView>('/api/training/certificates', input),
  sessions: (query: Query) => api.get<SessionList>('/api/training/sessions', query),
  recordSession: (input: SessionCreate) => api.post<SessionView>('/api/training/sessions', input),
  coverage: (query: { unitId?: string; enterpriseId?: string }) => api.get<CoverageView>('/api/training/coverage', query),
  units: () => api.get<UnitDirectory>('/api/units/directory'),
};
