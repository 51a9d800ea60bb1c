/** Whether a position can be longitude/latitude in degrees (WGS84). */
export function isLonLat(x: number, y: number): boolean {
  return x >= -180 && x <= 180 && y >= -90 && y <= 90;
}
