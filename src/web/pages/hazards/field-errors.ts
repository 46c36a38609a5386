/**
 * The form fields a server refusal names. The rules name what is missing or wrong by the field's
 * Chinese label (“开始整改缺少：整改措施、整改责任人。”), so the message is shown under each field it
 * names as well as above the form. Longer labels are matched first, so “整改责任人” is not also
 * taken for a field labelled “责任人”.
 */
export function fieldsNamed<F extends string>(message: string, labels: Readonly<Record<F, string>>): F[] {
  const entries = (Object.entries(labels) as [F, string][]).sort((a, b) => b[1].length - a[1].length);
  const named: F[] = [];
  let rest = message;
  for (const [field, label] of entries) {
    if (label !== '' && rest.includes(label)) {
      named.push(field);
      rest = rest.split(label).join('');
    }
  }
  return named;
}
