import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { adminKeys, unwrap } from '../adminApi';
import type { BrandingSettings, LogoUpload } from '../adminTypes';

export const brandingQuery = () => queryOptions({ queryKey: adminKeys.branding, queryFn: () => unwrap(api.GET('/api/admin/branding')) });

export type BrandingInput = { color: string; supportEmail: string; supportPhone: string; supportHours: string };

/** Every write answers the settings as stored (trimmed, normalised): the cache takes them as they are. */
function useStoreBranding() {
  const queryClient = useQueryClient();
  return (updated: BrandingSettings) => queryClient.setQueryData(adminKeys.branding, updated);
}

export function useSaveBranding() {
  const store = useStoreBranding();
  return useMutation({ mutationFn: (body: BrandingInput) => unwrap(api.PUT('/api/admin/branding', { body })), onSuccess: store });
}

/** Mails the link to the support address again. */
export const useResendSupportConfirmation = () =>
  useMutation({ mutationFn: () => unwrap(api.POST('/api/admin/branding/support-email/confirmation')) });

/** PUT /api/admin/branding/logo takes multipart/form-data: the browser sets the boundary. */
export function useUploadLogo() {
  const store = useStoreBranding();
  return useMutation({
    mutationFn: (logo: File) => {
      const form = new FormData();
      form.set('logo', logo);
      // The generated type describes the form's field; what is sent is the FormData itself.
      return unwrap(api.PUT('/api/admin/branding/logo', { body: { logo } as unknown as LogoUpload, bodySerializer: () => form }));
    },
    onSuccess: store,
  });
}

export function useRemoveLogo() {
  const store = useStoreBranding();
  return useMutation({ mutationFn: () => unwrap(api.DELETE('/api/admin/branding/logo')), onSuccess: store });
}
