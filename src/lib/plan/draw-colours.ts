/** Routes are blue; the one drawn or selected is orange (the legend says the same). */
export const ROUTE_COLOUR = '#1f5fa8';
export const SELECTED_COLOUR = '#e07b00';
