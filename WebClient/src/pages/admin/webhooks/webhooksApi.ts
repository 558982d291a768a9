import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../adminApi';
import type { components } from '../../../api/schema';

type Schemas = components['schemas'];

export type WebhookEndpoint = Schemas['WebhookEndpointView'];
export type WebhookEndpointWithSecret = Schemas['WebhookEndpointWithSecret'];
export type WebhookAttemptRow = Schemas['WebhookAttemptRow'];
export type WebhookEndpointInput = { url: string; description: string; events: string[] };

/** Query keys: the endpoints, one endpoint, and each page of its delivery log. */
export const webhookKeys = {
  all: ['admin', 'webhooks'] as const,
  eventTypes: ['admin', 'webhooks', 'event-types'] as const,
  endpoints: ['admin', 'webhooks', 'endpoints'] as const,
  endpoint: (id: string) => ['admin', 'webhooks', 'endpoints', id] as const,
  deliveries: (id: string, page: number) => ['admin', 'webhooks', 'endpoints', id, 'deliveries', page] as const,
};

export const eventTypesQuery = () =>
  queryOptions({ queryKey: webhookKeys.eventTypes, queryFn: () => unwrap(api.GET('/api/admin/webhooks/event-types')), staleTime: Infinity });

export const endpointsQuery = () => queryOptions({ queryKey: webhookKeys.endpoints, queryFn: () => unwrap(api.GET('/api/admin/webhooks/endpoints')) });

export const endpointQuery = (id: string) =>
  queryOptions({ queryKey: webhookKeys.endpoint(id), queryFn: () => unwrap(api.GET('/api/admin/webhooks/endpoints/{endpointId}', { params: { path: { endpointId: id } } })) });

/** The delivery log, newest first; the old page stays (dimmed) while the next loads. */
export const deliveriesQuery = (id: string, page: number) =>
  queryOptions({
    queryKey: webhookKeys.deliveries(id, page),
    queryFn: () =>
      unwrap(api.GET('/api/admin/webhooks/endpoints/{endpointId}/deliveries', { params: { path: { endpointId: id }, query: { page: String(page), pageSize: '25' } } })),
    placeholderData: keepPreviousData,
  });

/** Every write changes what the pages show: the endpoints and their logs are read again. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints });
}

export function useCreateEndpoint() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: WebhookEndpointInput) => unwrap(api.POST('/api/admin/webhooks/endpoints', { body })),
    onSuccess: refresh,
  });
}

export function useEditEndpoint(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: WebhookEndpointInput) => unwrap(api.PUT('/api/admin/webhooks/endpoints/{endpointId}', { params: { path: { endpointId: id } }, body })),
    onSuccess: refresh,
  });
}

export function useSetEndpointEnabled() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      enabled
        ? unwrap(api.POST('/api/admin/webhooks/endpoints/{endpointId}/enable', { params: { path: { endpointId: id } } }))
        : unwrap(api.POST('/api/admin/webhooks/endpoints/{endpointId}/disable', { params: { path: { endpointId: id } } })),
    onSuccess: refresh,
  });
}

export function useDeleteEndpoint() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/admin/webhooks/endpoints/{endpointId}', { params: { path: { endpointId: id } } })),
    onSuccess: refresh,
  });
}

export const useRotateSecret = () =>
  useMutation({ mutationFn: (id: string) => unwrap(api.POST('/api/admin/webhooks/endpoints/{endpointId}/secret', { params: { path: { endpointId: id } } })) });

export function useSendTestEvent() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/admin/webhooks/endpoints/{endpointId}/test', { params: { path: { endpointId: id } } })),
    onSuccess: refresh,
  });
}

export function useReplayDelivery() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, deliveryId }: { id: string; deliveryId: string }) =>
      unwrap(api.POST('/api/admin/webhooks/endpoints/{endpointId}/deliveries/{deliveryId}/replay', { params: { path: { endpointId: id, deliveryId } } })),
    onSuccess: refresh,
  });
}
