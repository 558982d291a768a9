import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import type { Schedule } from './schedule';
import { timeZones } from './zonedTime';

/** Day, time and IANA time zone of a batch; the day and time are read in that zone. */
export function ScheduleFields({ value, onChange }: { value: Schedule; onChange: (value: Schedule) => void }) {
  const zones = timeZones();
  const options = (zones.includes(value.timeZone) ? zones : [value.timeZone, ...zones]).map((zone) => ({
    value: zone,
    label: zone.replaceAll('_', ' '),
  }));
  return (
    <fieldset className="schedule">
      <legend>When</legend>
      <div className="schedule-fields">
        <TextField label="Date" type="date" required value={value.date} onChange={(date) => onChange({ ...value, date })} />
        <TextField label="Time" type="time" required value={value.time} onChange={(time) => onChange({ ...value, time })} />
        <SelectField
          label="Time zone"
          value={value.timeZone}
          options={options}
          onChange={(timeZone) => onChange({ ...value, timeZone })}
        />
      </div>
      <p className="hint">
        The date and time are in the chosen time zone. Partner admins are e-mailed two weeks before, or at once when
        the date is closer.
      </p>
    </fieldset>
  );
}
