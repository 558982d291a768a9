import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { bannerStyle } from '../../../components/brandColors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { megabytes } from '../../../components/format';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { failureOf } from '../adminApi';
import type { BrandingSettings } from '../adminTypes';
import { useStaff } from '../staff';
import { brandingQuery, useRemoveLogo, useResendSupportConfirmation, useSaveBranding, useUploadLogo } from './brandingApi';

/** LogoImage.MaxBytes on the Api: a logo is refused here before it is sent. */
const maxLogoBytes = 256 * 1024;

/** The banner as the partner's end users will see it, in the colour being typed. */
function Preview({ name, color }: { name: string; color: string }) {
  const style = bannerStyle(color.trim() || null);
  return (
    <div className="branding-preview" style={style} aria-label="Preview of the portal's banner" role="img">
      {name}
    </div>
  );
}

/**
 * Whether the saved support address receives new-ticket notices: only once someone who reads it
 * has opened the link we mailed to it.
 */
function SupportAddressState({ settings, canManage }: { settings: BrandingSettings; canManage: boolean }) {
  const [resent, setResent] = useState(false);
  const resend = useResendSupportConfirmation();
  if (!settings.supportEmail) return null;
  if (settings.supportEmailConfirmed) {
    return (
      <p className="hint" aria-live="polite">
        <strong>Confirmed</strong>: new-ticket notices are sent to {settings.supportEmail}.
      </p>
    );
  }

  return (
    <div className="support-address-state" aria-live="polite">
      <p className="hint">
        <strong>Waiting for confirmation</strong> — we sent a link to {settings.supportEmail}. New-ticket notices are
        sent to it once someone opens that link.
      </p>
      <ErrorAlert failure={resend.isError ? failureOf(resend.error) : null} />
      {resent && (
        <p role="status" className="success">
          We sent a new link to {settings.supportEmail}.
        </p>
      )}
      {canManage && (
        <SubmitButton
          type="button"
          className="secondary"
          label="Resend the confirmation link"
          busy={resend.isPending}
          onClick={() => {
            setResent(false);
            resend.mutate(undefined, { onSuccess: () => setResent(true) });
          }}
        />
      )}
    </div>
  );
}

function SettingsForm({ settings, canManage }: { settings: BrandingSettings; canManage: boolean }) {
  const [color, setColor] = useState(settings.color ?? '');
  const [supportEmail, setSupportEmail] = useState(settings.supportEmail ?? '');
  const [supportPhone, setSupportPhone] = useState(settings.supportPhone ?? '');
  const [supportHours, setSupportHours] = useState(settings.supportHours ?? '');
  const [saved, setSaved] = useState(false);
  const save = useSaveBranding();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const input = { color: color.trim(), supportEmail: supportEmail.trim(), supportPhone: supportPhone.trim(), supportHours: supportHours.trim() };
    save.mutate(input, {
      onSuccess: (updated) => {
        // The fields show what the Api stored (it trims and normalises).
        setColor(updated.color ?? '');
        setSupportEmail(updated.supportEmail ?? '');
        setSupportPhone(updated.supportPhone ?? '');
        setSupportHours(updated.supportHours ?? '');
        setSaved(true);
      },
    });
  }

  return (
    <form className="panel branding-form" onSubmit={onSubmit} aria-labelledby="branding-look-title">
      <h2 id="branding-look-title">Colour and support contact</h2>
      <fieldset disabled={!canManage}>
        <legend className="visually-hidden">Colour and support contact</legend>
        <TextField
          label="Colour"
          value={color}
          onChange={setColor}
          maxLength={7}
          placeholder="#1a5fb4"
          hint="# and six hexadecimal digits. The banner's text is black or white, whichever reads better. Empty: the portal's own blue."
        />
        <Preview name={settings.partnerName} color={color} />
        <TextField
          label="Support e-mail"
          type="email"
          value={supportEmail}
          onChange={setSupportEmail}
          maxLength={254}
          hint="New-ticket notices go to this address once it is confirmed: we e-mail it a link when you save a new address."
        />
        <TextField label="Support phone" type="tel" value={supportPhone} onChange={setSupportPhone} maxLength={50} />
        <TextField
          label="Support hours"
          value={supportHours}
          onChange={setSupportHours}
          maxLength={200}
          hint="For example: Monday to Friday, 8:00 to 18:00 (CET)."
        />
      </fieldset>
      <SupportAddressState settings={settings} canManage={canManage} />
      <ErrorAlert failure={save.isError ? failureOf(save.error) : null} />
      {saved && (
        <p role="status" className="success">
          Your branding was saved. Your end users see it the next time they open the portal.
        </p>
      )}
      {canManage && <SubmitButton label="Save branding" busy={save.isPending} />}
    </form>
  );
}

function LogoForm({ settings }: { settings: BrandingSettings }) {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const tooBig = file !== null && file.size > maxLogoBytes ? `${file.name} is ${megabytes(file.size)}; a logo can be up to 256 KB.` : null;
  const done = (message: string) => ({
    onSuccess: () => {
      setFile(null);
      setNotice(message);
    },
  });
  const upload = useUploadLogo();
  const remove = useRemoveLogo();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    if (file && !tooBig) upload.mutate(file, done('The new logo is in place.'));
  }

  const failure = upload.isError ? failureOf(upload.error) : remove.isError ? failureOf(remove.error) : null;
  return (
    <form className="panel" onSubmit={onSubmit} aria-labelledby="branding-logo-title">
      <h2 id="branding-logo-title">Logo</h2>
      {settings.logoUrl ? (
        <p>
          <img className="branding-logo" src={settings.logoUrl} alt={`Current logo of ${settings.partnerName}`} />
        </p>
      ) : (
        <p className="hint">No logo yet: the portal shows your name alone.</p>
      )}
      <div className="field">
        <label htmlFor={inputId}>Logo file</label>
        <input
          id={inputId}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          aria-describedby={`${inputId}-hint`}
          aria-invalid={tooBig !== null}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <p id={`${inputId}-hint`} className="hint">
          A PNG, JPEG or WebP image of up to 256 KB, about 32 pixels high in the banner. SVG is not accepted.
        </p>
      </div>
      <ErrorAlert failure={tooBig ?? failure} />
      {notice && (
        <p role="status" className="success">
          {notice}
        </p>
      )}
      <div className="actions">
        <SubmitButton label="Upload logo" busy={upload.isPending} disabled={file === null || tooBig !== null} />
        {settings.logoUrl && (
          <SubmitButton type="button" className="secondary" label="Remove logo" busy={remove.isPending} onClick={() => remove.mutate(undefined, done('The logo was removed: the portal shows your name alone.'))} />
        )}
      </div>
    </form>
  );
}

/** Settings > Branding: how the portal looks to the partner's end users, and whom they contact for help. */
export function BrandingPage() {
  const staff = useStaff();
  const settings = useQuery(brandingQuery());

  return (
    <>
      <title>Branding · Admin · End User Portal</title>
      <h1>Branding</h1>
      <p>
        Once your end users have signed in, the portal shows your name, logo and colour, and your support contact on its
        Help page. The Single Sign-On screens stay unbranded.
      </p>
      {!staff.canManage && <p className="hint">Only your company&apos;s admins can change these settings.</p>}
      {settings.isPending && <p role="status">Loading your branding…</p>}
      {settings.isError && <ErrorAlert failure={failureOf(settings.error)} />}
      {settings.isSuccess && (
        <>
          <SettingsForm settings={settings.data} canManage={staff.canManage} />
          {staff.canManage && <LogoForm settings={settings.data} />}
        </>
      )}
    </>
  );
}
