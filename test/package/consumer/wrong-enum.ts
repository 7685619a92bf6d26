// Must not compile: CAR_PARK is not one of the spec's ParkingType values.
import type { Location } from 'ocpi-location-kit';

export const wrong: Location = { name: 'Hatanpää', parkingType: 'CAR_PARK' };
