import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Modal } from '../../../components/Modal';
import { SubmitButton } from '../../../components/SubmitButton';
import { failureOf } from '../adminApi';
import type { HomeUserProductRoles, HomeUserRow } from '../adminTypes';
import { useSetProductRoles } from './homeUsersApi';

interface Props {
  person: HomeUserRow;
  product: HomeUserProductRoles;
  /** Called with the sentence to show on the page once the Api has saved the roles. */
  onSaved: (message: string) => void;
  onCancel: () => void;
}

/** "Edit roles": a checkbox per role a partner admin may give in the product. */
export function EditRolesDialog({ person, product, onSaved, onCancel }: Props) {
  const [roles, setRoles] = useState<ReadonlySet<string>>(() => new Set(product.roles));
  const save = useSetProductRoles();

  function toggle(role: string, on: boolean) {
    const next = new Set(roles);
    if (on) next.add(role);
    else next.delete(role);
    setRoles(next);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(
      { personId: person.id, productClientId: product.clientId, roles: product.assignableRoles.filter((role) => roles.has(role)) },
      { onSuccess: () => onSaved(`The roles of ${person.name} in the ${product.productName} were saved.`) },
    );
  }

  return (
    <Modal title={`Edit roles of ${person.name}`} onClose={save.isPending ? undefined : onCancel}>
      <form onSubmit={onSubmit}>
        <fieldset className="role-picker">
          <legend>Roles in the {product.productName}</legend>
          <ul>
            {product.assignableRoles.map((role) => (
              <li key={role}>
                <label>
                  <input type="checkbox" checked={roles.has(role)} onChange={(event) => toggle(role, event.target.checked)} /> {role}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <p className="hint">Taking a role away signs {person.name} out of every product at once.</p>
        <ErrorAlert failure={failureOf(save.error)} />
        <div className="actions">
          <SubmitButton label="Save roles" busy={save.isPending} />
          <button type="button" className="button secondary" disabled={save.isPending} onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
