import type { HomeUserProductRoles, HomeUserRow } from '../adminTypes';

interface Props {
  rows: readonly HomeUserRow[];
  canEdit: boolean;
  busy: boolean;
  onEdit: (person: HomeUserRow, product: HomeUserProductRoles) => void;
}

const kindLabel = (kind: string) => (kind === 'staff' ? 'Staff' : 'End user');

/** An empty cell: a dash, said in words to screen readers. */
function Missing({ said }: { said: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{said}</span>
    </>
  );
}

/** Home > User Management's table: a column of roles per product, and Edit roles for partner admins. */
export function HomeUsersTable({ rows, canEdit, busy, onEdit }: Props) {
  // Every row lists the same products (those whose roles are given here), in the same order.
  const products = rows[0]?.products ?? [];
  return (
    <table aria-label="People on Single Sign-On" aria-busy={busy}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Kind</th>
          <th scope="col">Client</th>
          {products.map((product) => (
            <th scope="col" key={product.clientId}>
              {product.productName}
            </th>
          ))}
          {canEdit && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((person) => (
          <tr key={person.id}>
            <th scope="row">{person.name}</th>
            <td className="email">{person.email}</td>
            <td>{kindLabel(person.kind)}</td>
            <td>{person.clientName ?? <Missing said="None" />}</td>
            {person.products.map((product) => (
              <td key={product.clientId}>
                {product.roles.length > 0 ? product.roles.join(', ') : <Missing said="No role" />}
              </td>
            ))}
            {canEdit && (
              <td>
                <div className="row-actions">
                  {person.products.map((product) => (
                    <button
                      key={product.clientId}
                      type="button"
                      className="small"
                      aria-label={`Edit roles of ${person.name} in the ${product.productName}`}
                      onClick={() => onEdit(person, product)}
                    >
                      {person.products.length === 1 ? 'Edit roles' : `Edit ${product.productName} roles`}
                    </button>
                  ))}
                </div>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
